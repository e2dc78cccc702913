import { useCallback, useState } from 'react'
import { useRequest } from '@/hooks/use-request'
import { useSendForm } from '@/hooks/use-send-form'
import { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { askToSubscribe } from '@/services/subscribe'
import { uploadPhotos } from '@/services/upload-file'
import { currentPerson } from '@/features/org'
import { fetchSubmission, submitMilestone } from '../api/checkins'

export const DESCRIPTION_LIMIT = 1000

/** The owner's 提交里程碑: what was done and the evidence, sent for the secretary's approval. */
export function useMilestoneSubmit(id: string | undefined) {
  const load = useCallback(
    () => (id ? fetchSubmission(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定里程碑'))),
    [id],
  )
  const milestone = useRequest(load)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const { error, setError, sending, progress, send: sendWith } = useSendForm()

  const allowed = milestone.data?.can.includes('submit') ?? false

  const send = async () => {
    if (sending || !milestone.data) return
    if (!description.trim()) return setError('请填写完成情况')
    const ok = await confirmAction({
      title: '提交里程碑',
      content: '提交后由支部书记审核，审核前不能修改。确定提交吗？',
      confirmText: '提交',
    })
    if (!ok) return
    // After the confirm dialog, never stacked on it: WeChat counts its 确定 as the tap the request needs.
    void askToSubscribe('checkin')
    const milestoneId = milestone.data.milestone.id
    await sendWith(async (say) => {
      const me = await currentPerson()
      const evidence = await uploadPhotos(photos, me.id, say)
      say('正在提交…')
      await submitMilestone({ id: milestoneId, description: description.trim(), evidence })
      return '已提交审核'
    })
  }

  const changeDescription = (value: string) => {
    setDescription(value)
    setError(undefined)
  }

  return {
    milestone,
    allowed,
    description,
    setDescription: changeDescription,
    photos,
    setPhotos,
    error,
    sending,
    progress,
    send,
  }
}
