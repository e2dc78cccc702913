import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ProjectDetail } from '@contract/api'
import type { RubricItem } from '@contract/entities'
import { DEFAULT_RUBRIC, acceptanceEvidenceProblem, totalScore, type ScoreResult } from '@domain/acceptance'
import type { RequestState } from '@/hooks/use-request'
import { returnAcceptance, useProject } from '@/features/projects'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { askToSubscribe } from '@/services/subscribe'
import { acceptProject } from '../api/accept-project'

export interface Review {
  project: RequestState<ProjectDetail>
  rubric: readonly RubricItem[]
  /** What the person typed per rubric item ('' = not scored yet). */
  inputs: Record<string, string>
  setScore: (key: string, text: string) => void
  result: ScoreResult
  comment: string
  setComment: (text: string) => void
  commentError: string | undefined
  canAccept: boolean
  canReturn: boolean
  busy: boolean
  accept: () => Promise<void>
  sendBack: () => Promise<void>
}

/** Whole points within 0..max; anything else typed is dropped. */
function clampScore(text: string, max: number): string {
  const digits = text.replace(/\D/g, '')
  if (!digits) return ''
  return String(Math.min(max, parseInt(digits, 10)))
}

/** 验收评分: scores against the rubric with a live total, then 验收通过 or 退回整改 (with a reason). */
export function useReview(id: string | undefined): Review {
  const project = useProject(id)
  const rubric = DEFAULT_RUBRIC
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const [comment, setCommentText] = useState('')
  const [commentError, setCommentError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const scores = Object.fromEntries(
    Object.entries(inputs)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, Number(v)]),
  )
  const result = totalScore(rubric, scores)

  const finish = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await call()
      showSuccessToast(done)
      void Taro.navigateBack()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  const accept = async () => {
    const detail = project.data
    if (!detail || busy) return
    if (!result.ok) {
      void Taro.showToast({ title: result.message, icon: 'none', duration: 2500 })
      return
    }
    const missing = acceptanceEvidenceProblem(detail.acceptanceMethods.map((m) => m.method))
    if (missing) {
      void Taro.showToast({ title: missing, icon: 'none', duration: 2500 })
      return
    }
    const ok = await confirmAction({
      title: '验收通过',
      content: `总分 ${result.total} 分。验收通过后项目结题，评分不能再改。确认通过？`,
      confirmText: '通过',
    })
    if (!ok) return
    // After the confirm dialog, never stacked on it: WeChat counts its 确定 as the tap the request needs.
    void askToSubscribe('review')
    await finish(() => acceptProject(detail.id, scores, comment.trim()), '验收通过')
  }

  const sendBack = async () => {
    const detail = project.data
    if (!detail || busy) return
    if (!comment.trim()) {
      setCommentError('退回整改请填写意见')
      return
    }
    const ok = await confirmAction({
      title: '退回整改',
      content: `退回意见：${comment.trim()}`,
      confirmText: '退回',
    })
    if (ok) await finish(() => returnAcceptance(detail.id, comment.trim()), '已退回整改')
  }

  return {
    project,
    rubric,
    inputs,
    setScore: (key, text) => {
      const item = rubric.find((r) => r.key === key)
      if (item) setInputs((prev) => ({ ...prev, [key]: clampScore(text, item.max) }))
    },
    result,
    comment,
    setComment: (text) => {
      setCommentText(text)
      if (text.trim()) setCommentError(undefined)
    },
    commentError,
    canAccept: project.data?.can.includes('accept') ?? false,
    canReturn: project.data?.can.includes('return_acceptance') ?? false,
    busy,
    accept,
    sendBack,
  }
}
