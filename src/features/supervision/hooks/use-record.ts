import { useCallback, useState } from 'react'
import { useRequest } from '@/hooks/use-request'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showSuccessToast } from '@/services/show-success-toast'
import { uploadPhotos } from '@/services/upload-file'
import { currentPerson } from '@/features/org'
import { closeFollowUp, fetchRecord } from '../api/records'

export const NOTE_LIMIT = 500

/** One 督导记录; the owner of a follow-up closes it with a note and photos (uploaded first, in order). */
export function useRecord(id: string | undefined) {
  const load = useCallback(
    () => (id ? fetchRecord(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定督导记录'))),
    [id],
  )
  const record = useRequest(load)
  const [note, setNoteText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const [progress, setProgress] = useState('')

  const setNote = (value: string) => {
    setNoteText(value)
    setError(undefined)
  }

  const close = async (followUpId: string) => {
    if (sending || !record.data) return
    if (!note.trim()) return setError('请填写完成情况')
    const ok = await confirmAction({
      title: '完成跟进',
      content: '提交后督导人会收到消息，不能再修改。确定提交吗？',
      confirmText: '提交',
    })
    if (!ok) return
    setSending(true)
    setError(undefined)
    try {
      const me = await currentPerson()
      const uploaded = await uploadPhotos(photos, me.id, setProgress)
      setProgress('正在提交…')
      await closeFollowUp({ id: record.data.id, followUpId, note: note.trim(), photos: uploaded })
      showSuccessToast('已完成跟进')
      setNoteText('')
      setPhotos([])
      await record.reload()
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setSending(false)
      setProgress('')
    }
  }

  return { record, note, setNote, photos, setPhotos, error, sending, progress, close }
}
