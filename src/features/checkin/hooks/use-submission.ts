import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { SubmissionDetail } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { askToSubscribe } from '@/services/subscribe'
import { approveMilestone, fetchSubmission, returnMilestone } from '../api/checkins'

export interface Submission {
  detail: RequestState<SubmissionDetail>
  canApprove: boolean
  canReturn: boolean
  busy: boolean
  /** The return sheet is open, asking for the reason. */
  returning: boolean
  openReturn: () => void
  closeReturn: () => void
  /** 通过, after a confirmation. */
  approve: () => Promise<void>
  /** 退回 with the (required) reason from the sheet. */
  sendBack: (comment: string) => Promise<void>
}

/** Refusals that mean the milestone moved on meanwhile (someone else decided it): show where it is now. */
const STALE: ReadonlySet<string> = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND'])

/** 节点审批: one submission, and 通过 / 退回 when the caller may decide it; back to the inbox after. */
export function useSubmission(id: string | undefined): Submission {
  const load = useCallback(
    () => (id ? fetchSubmission(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定里程碑'))),
    [id],
  )
  const detail = useRequest(load)
  const [busy, setBusy] = useState(false)
  const [returning, setReturning] = useState(false)
  const can = detail.data?.can ?? []

  const decide = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await call()
      setReturning(false)
      showSuccessToast(done)
      void Taro.navigateBack()
    } catch (e) {
      showErrorToast(e)
      if (STALE.has(toCloudError(e).code)) {
        setReturning(false)
        void detail.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const approve = async () => {
    const data = detail.data
    if (!data || busy) return
    const ok = await confirmAction({
      title: '通过里程碑',
      content: `确认“${data.milestone.title}”已达到质量标准？通过后计入项目进度。`,
      confirmText: '通过',
    })
    if (!ok) return
    // After the confirm dialog, never stacked on it: WeChat counts its 确定 as the tap the request needs.
    void askToSubscribe('approve')
    await decide(() => approveMilestone(data.milestone.id), '已通过')
  }

  const sendBack = async (comment: string) => {
    const data = detail.data
    const text = comment.trim()
    if (!data || busy || !text) return
    await decide(() => returnMilestone(data.milestone.id, text), '已退回')
  }

  return {
    detail,
    canApprove: can.includes('approve'),
    canReturn: can.includes('return'),
    busy,
    returning,
    openReturn: () => setReturning(true),
    closeReturn: () => setReturning(false),
    approve,
    sendBack,
  }
}
