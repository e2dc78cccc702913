import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ProjectDetail } from '@contract/api'
import { earlyAcceptanceWarning } from '@domain/acceptance'
import type { RequestState } from '@/hooks/use-request'
import { useProject } from '@/features/projects'
import { confirmAction } from '@/services/confirm'
import { askToSubscribe } from '@/services/subscribe'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { uploadFile } from '@/services/upload-file'
import { currentPerson } from '@/features/org'
import { requestAcceptance } from '../api/request-acceptance'

/** The longest 结题总结 the function accepts (requestAcceptance in the contract). */
export const SUMMARY_LIMIT = 2000

export interface AcceptanceRequestForm {
  project: RequestState<ProjectDetail>
  allowed: boolean
  summary: string
  setSummary: (text: string) => void
  /** Local paths of the evidence photos chosen, uploaded on send. */
  photos: string[]
  setPhotos: (photos: string[]) => void
  /** What the send is doing now, e.g. which photo is uploading. */
  progress: string
  error: string | undefined
  sending: boolean
  send: () => Promise<void>
}

/** 结题申请: the branch's summary, confirmed, then back to the project. */
export function useAcceptanceRequest(id: string | undefined): AcceptanceRequestForm {
  const project = useProject(id)
  const [summary, setSummaryText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [progress, setProgress] = useState('')
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)

  const send = async () => {
    if (!project.data || sending) return
    if (!summary.trim()) {
      setError('请填写结题总结')
      return
    }
    const early = earlyAcceptanceWarning(
      project.data.progress,
      project.data.tasks.flatMap((t) => t.milestones),
    )
    const ok = await confirmAction(
      early
        ? { title: '计划尚未完成', content: early, confirmText: '仍要申请' }
        : {
            title: '申请结题',
            content: '提交后由党委验收评分，验收期间不能修改计划书。确认申请结题？',
            confirmText: '申请',
          },
    )
    if (!ok) return
    // After the confirm dialog: the committee's decision comes back to the secretary ('propose').
    void askToSubscribe('propose')
    setSending(true)
    try {
      const me = await currentPerson()
      const evidence: string[] = []
      for (const [k, photo] of photos.entries()) {
        setProgress(`正在上传第 ${k + 1}/${photos.length} 张佐证照片…`)
        evidence.push(await uploadFile(photo, me.id))
      }
      setProgress('正在提交…')
      await requestAcceptance(project.data.id, summary.trim(), evidence)
      showSuccessToast('已申请结题')
      void Taro.navigateBack()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setSending(false)
      setProgress('')
    }
  }

  return {
    project,
    allowed: project.data?.can.includes('request_acceptance') ?? false,
    summary,
    setSummary: (text) => {
      setSummaryText(text)
      if (text.trim()) setError(undefined)
    },
    photos,
    setPhotos,
    progress,
    error,
    sending,
    send,
  }
}
