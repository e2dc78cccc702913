// Not NutUI ImagePreview: on weapp its in-page viewer stays under the native tab bar; previewImage is WeChat's own.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileUrl, isPhoto } from '@/services/file-url'
import './photo-grid.css'

export interface PhotoGridProps {
  /** Cloud file ids: photos become thumbnails that open full screen; documents become a labelled tile. */
  files: string[]
  /** Shown instead of the grid when there are no files; nothing when left out. */
  emptyText?: string
}

const fileName = (fileId: string) => fileId.slice(fileId.lastIndexOf('/') + 1)

/** Evidence and check-in photos, three to a row, tap to view full screen. */
export function PhotoGrid({ files, emptyText }: PhotoGridProps) {
  if (files.length === 0) return emptyText ? <Text className="photo-grid__empty">{emptyText}</Text> : null
  const photos = files.filter(isPhoto).map(fileUrl)
  return (
    <View className="photo-grid">
      {files.map((id, k) =>
        isPhoto(id) ? (
          <Image
            key={id}
            className="photo-grid__photo"
            src={fileUrl(id)}
            mode="aspectFill"
            ariaLabel={`照片 ${k + 1}`}
            onClick={() => void Taro.previewImage({ urls: photos, current: fileUrl(id) })}
          />
        ) : (
          <View key={id} className="photo-grid__doc">
            <Text className="photo-grid__doc-kind">文件</Text>
            <Text className="photo-grid__doc-name">{fileName(id)}</Text>
          </View>
        ),
      )}
    </View>
  )
}
