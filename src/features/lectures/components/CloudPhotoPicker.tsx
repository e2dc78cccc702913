import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PhotoPicker } from '@/components/PhotoPicker'
import { fileUrl } from '@/services/file-url'
import { showErrorToast } from '@/services/show-error-toast'
import { uploadFile } from '@/services/upload-file'
import './cloud-photo-picker.css'

export interface CloudPhotoPickerProps {
  /** Cloud file ids, in order. */
  fileIds: string[]
  onChange: (fileIds: string[]) => void
  /** Uploads go into this person's folder. */
  personId: string
  max: number
  disabled?: boolean
  /** Told when uploads start and end, so a form can hold its 保存 until the photos are in. */
  onUploading?: (uploading: boolean) => void
}

/**
 * PhotoPicker for photos that live in cloud storage: each new photo is uploaded as soon as it is chosen, so
 * the form only ever holds file ids; one that fails to upload is dropped with a toast saying why.
 */
export function CloudPhotoPicker({
  fileIds,
  onChange,
  personId,
  max,
  disabled = false,
  onUploading,
}: CloudPhotoPickerProps) {
  const [uploading, setUploading] = useState<string[]>([])
  const shown = fileIds.map(fileUrl)

  const pick = async (paths: string[]) => {
    const kept = paths.flatMap((p) => {
      const k = shown.indexOf(p)
      return k >= 0 ? [fileIds[k]] : []
    })
    const added = paths.filter((p) => !shown.includes(p))
    if (added.length === 0) return onChange(kept)
    setUploading(added)
    onUploading?.(true)
    const uploaded: string[] = []
    try {
      for (const path of added) {
        try {
          uploaded.push(await uploadFile(path, personId))
        } catch (e) {
          showErrorToast(e)
        }
      }
      onChange([...kept, ...uploaded])
    } finally {
      setUploading([])
      onUploading?.(false)
    }
  }

  return (
    <View className="cloud-photo-picker">
      <PhotoPicker
        photos={[...shown, ...uploading]}
        onChange={(paths) => void pick(paths)}
        max={max}
        disabled={disabled || uploading.length > 0}
      />
      {uploading.length > 0 ? (
        <Text className="cloud-photo-picker__uploading">正在上传 {uploading.length} 张图片…</Text>
      ) : null}
    </View>
  )
}
