import { useRef, useState } from 'react'
import type { PostKind } from '@contract/entities'
import { currentPerson } from '@/features/org'
import { useSendForm } from '@/hooks/use-send-form'
import { newRequestId } from '@/services/request-id'
import { uploadFile } from '@/services/upload-file'
import { createPost } from '../api/groups'

export interface ComposeForm {
  kind: PostKind
  text: string
  setText: (value: string) => void
  /** Local paths of the chosen photos. */
  photos: string[]
  setPhotos: (photos: string[]) => void
  /** Announcements only: held at the top of the feed (on unless turned off). */
  pin: boolean
  setPin: (pin: boolean) => void
  /** What went wrong, in words; what was typed stays. */
  error: string | undefined
  sending: boolean
  /** Where the send is: which photo is uploading, or 正在发布. */
  progress: string
  send: () => Promise<void>
}

/**
 * Writing a post or an announcement. One request id for the whole screen, so a retry after a dropped network
 * never posts twice; photos already uploaded are not uploaded again on a retry.
 */
export function useCompose(groupId: string | undefined, kind: PostKind): ComposeForm {
  const [text, setTextState] = useState('')
  const [photos, setPhotosState] = useState<string[]>([])
  const [pin, setPin] = useState(true)
  const { error, setError, sending, progress, send: sendWith } = useSendForm()
  const requestId = useRef(newRequestId())
  const uploaded = useRef(new Map<string, string>())

  const setText = (value: string) => {
    setTextState(value)
    setError(undefined)
  }
  const setPhotos = (next: string[]) => {
    setPhotosState(next)
    setError(undefined)
  }

  const send = async () => {
    if (sending) return
    if (!groupId) return setError('没有指定党小组，请返回后重新进入')
    const body = text.trim()
    if (kind === 'announcement' && !body) return setError('请填写通知内容')
    if (!body && photos.length === 0) return setError('请填写内容或添加照片')
    await sendWith(async (say) => {
      const me = await currentPerson()
      const fileIds: string[] = []
      for (const [k, photo] of photos.entries()) {
        let fileId = uploaded.current.get(photo)
        if (!fileId) {
          say(`正在上传第 ${k + 1}/${photos.length} 张照片…`)
          fileId = await uploadFile(photo, me.id)
          uploaded.current.set(photo, fileId)
        }
        fileIds.push(fileId)
      }
      say('正在发布…')
      await createPost({
        groupId,
        requestId: requestId.current,
        kind,
        text: body,
        photos: fileIds,
        ...(kind === 'announcement' ? { pin } : {}),
      })
      return kind === 'announcement' ? '通知已发布' : '已发布'
    })
  }

  return { kind, text, setText, photos, setPhotos, pin, setPin, error, sending, progress, send }
}
