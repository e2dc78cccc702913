import { useCallback, useState } from 'react'
import type { SurveyView } from '@contract/api'
import type { SurveyField } from '@contract/entities'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { curateProblem, endorseProblem, fetchSurvey, setSurvey, submitProblem } from '../api/survey'

/** The longest problem the function accepts (submitProblem in the contract). */
export const PROBLEM_LIMIT = 200

export interface Survey {
  view: RequestState<SurveyView>
  field: SurveyField | null
  setField: (f: SurveyField) => void
  text: string
  setText: (t: string) => void
  /** Something is being sent: buttons wait. */
  busy: boolean
  submit: () => Promise<void>
  endorse: (id: string) => Promise<void>
  toggleKey: (id: string, key: boolean) => Promise<void>
  /** The problem being merged into another (chosen next), or null. */
  merging: string | null
  startMerge: (id: string | null) => void
  mergeInto: (targetId: string) => Promise<void>
  setOpen: (open: boolean) => Promise<void>
}

/** 大调研 of a year (this year when none is named): read, submit a problem, +1, and the committee's curation. */
export function useSurvey(askedYear?: number): Survey {
  const load = useCallback(() => fetchSurvey(askedYear), [askedYear])
  const view = useRequest(load)
  const [field, setField] = useState<SurveyField | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [merging, setMerging] = useState<string | null>(null)

  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
      showSuccessToast(done)
      await view.reload()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  const year = view.data?.year ?? 0

  return {
    view,
    field,
    setField,
    text,
    setText: (t) => setText(t.slice(0, PROBLEM_LIMIT)),
    busy,
    submit: async () => {
      if (!field) return showErrorToast(new CloudError('INVALID_INPUT', '请选择问题所属领域'))
      if (!text.trim()) return showErrorToast(new CloudError('INVALID_INPUT', '请写下问题或短板'))
      await run(async () => {
        await submitProblem({ year, text: text.trim(), field })
        setText('')
        setField(null)
      }, '问题已提交')
    },
    endorse: (id) => run(() => endorseProblem(id), '已 +1'),
    toggleKey: (id, key) => run(() => curateProblem({ id, key }), key ? '已标为重点问题' : '已取消重点'),
    merging,
    startMerge: setMerging,
    mergeInto: async (targetId) => {
      const source = merging
      if (!source) return
      const ok = await confirmAction({
        title: '合并重复问题',
        content: '合并后这条问题不再单独显示，提出人和 +1 都计入目标问题，不能撤销。',
        confirmText: '合并',
      })
      if (!ok) return
      await run(async () => {
        await curateProblem({ id: source, mergeInto: targetId })
        setMerging(null)
      }, '已合并')
    },
    setOpen: async (open) => {
      if (!open) {
        const ok = await confirmAction({
          title: `结束 ${year} 年度调研`,
          content: '结束后党员不能再提交问题或 +1，已收集的问题保留。',
          confirmText: '结束',
        })
        if (!ok) return
      }
      await run(() => setSurvey(year, open), open ? '调研已开启' : '调研已结束')
    },
  }
}
