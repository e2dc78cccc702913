import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { LectureMedia, MediaKind } from '@contract/entities-community'
import { MEDIA_KIND_LABELS } from '@domain/labels'
import { CloudError } from '@/services/cloud-error'
import { tellRefusal } from '@/services/privacy'
import { showErrorToast } from '@/services/show-error-toast'
import { uploadFile } from '@/services/upload-file'
import { type ChosenFile, mediaDuration, mediaFileProblem } from '../media-file'
import { clockText } from '../study-words'
import '@/components/button-row'
import './media-field.css'

export interface MediaFieldProps {
  media: LectureMedia | null
  onChange: (media: LectureMedia | null) => void
  personId: string
  disabled?: boolean
}

/** Closing a chooser is not an error. */
const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))

/** WeChat picks audio from a chat's files; the browser has no such chooser (Taro H5 does not support it). */
const CAN_PICK_AUDIO = process.env.TARO_ENV === 'weapp'

async function chooseAudio(): Promise<{ file: ChosenFile; duration: number | null } | null> {
  const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['mp3', 'm4a', 'aac'] })
  const f = res.tempFiles[0]
  return f ? { file: { path: f.path, name: f.name, size: f.size }, duration: null } : null
}

async function chooseVideo(): Promise<{ file: ChosenFile; duration: number | null } | null> {
  const res = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'] })
  const f = res.tempFiles[0] as (typeof res.tempFiles)[number] & { fileType?: string }
  return f
    ? { file: { path: f.tempFilePath, type: f.fileType, size: f.size }, duration: mediaDuration(f.duration) }
    : null
}

/** A lecture's audio or video: chosen on the phone, checked, uploaded, and shown with its length. */
export function MediaField({ media, onChange, personId, disabled = false }: MediaFieldProps) {
  const [uploading, setUploading] = useState<MediaKind | null>(null)

  const add = async (kind: MediaKind) => {
    try {
      const chosen = await (kind === 'audio' ? chooseAudio() : chooseVideo())
      if (!chosen) return
      const problem = mediaFileProblem(kind, chosen.file)
      if (problem) throw new CloudError('INVALID_INPUT', problem)
      setUploading(kind)
      const fileId = await uploadFile(chosen.file.path, personId)
      onChange({ kind, fileId, durationSeconds: chosen.duration })
    } catch (e) {
      if (!tellRefusal(e, kind === 'audio' ? 'chooseMessageFile' : 'chooseMedia') && !isCancel(e))
        showErrorToast(e)
    } finally {
      setUploading(null)
    }
  }

  if (uploading) {
    return (
      <View className="media-field">
        <Text className="media-field__line">
          正在上传{MEDIA_KIND_LABELS[uploading]}，文件较大时请耐心等待…
        </Text>
      </View>
    )
  }
  if (media) {
    return (
      <View className="media-field">
        <View className="media-field__current">
          <Text className="media-field__line">
            已添加{MEDIA_KIND_LABELS[media.kind]}
            {media.durationSeconds ? `（时长 ${clockText(media.durationSeconds)}）` : ''}
          </Text>
          {!disabled ? (
            <View
              className="media-field__remove"
              ariaRole="button"
              ariaLabel={`移除${MEDIA_KIND_LABELS[media.kind]}`}
              onClick={() => onChange(null)}
            >
              <Text className="media-field__remove-text">移除</Text>
            </View>
          ) : null}
        </View>
      </View>
    )
  }
  return (
    <View className="media-field">
      {!disabled ? (
        <View className="media-field__buttons button-row">
          {CAN_PICK_AUDIO ? (
            <Button type="default" onClick={() => void add('audio')}>
              添加音频
            </Button>
          ) : null}
          <Button type="default" onClick={() => void add('video')}>
            添加视频
          </Button>
        </View>
      ) : null}
      <Text className="media-field__hint">
        {CAN_PICK_AUDIO
          ? '音频：MP3、M4A、AAC，从微信聊天文件中选择；视频：MP4。一个讲坛可配一段音频或视频（选填）。'
          : '视频：MP4（选填）。网页版不能选择音频文件，添加音频请在微信小程序中操作。'}
      </Text>
    </View>
  )
}
