import { useCallback, useState } from 'react'
import type { EvaluationView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { confirmTopTen } from '../api/evaluation'
import { fetchEvaluation } from '../api/evaluation'

export interface Evaluation {
  year: number
  setYear: (year: number) => void
  view: RequestState<EvaluationView>
  busy: boolean
  /** Whether the proposed 十佳 differ from what was confirmed (or nothing was). */
  needsConfirming: boolean
  confirm: () => Promise<void>
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** 年度评价 of one year; confirming the 十佳 asks first and sends exactly the list shown. */
export function useEvaluation(initialYear: number): Evaluation {
  const [year, setYear] = useState(initialYear)
  const load = useCallback(() => fetchEvaluation(year), [year])
  const view = useRequest(load)
  const [busy, setBusy] = useState(false)
  const data = view.data?.year === year ? view.data : undefined
  const proposed = data?.proposedTopTen ?? []
  const needsConfirming = proposed.length > 0 && !same(proposed, data?.confirmed?.projectIds ?? [])

  const confirm = async () => {
    if (!data || busy || !needsConfirming) return
    const titles = data.ranking.filter((r) => proposed.includes(r.id)).map((r) => `${r.rank}. ${r.title}`)
    const ok = await confirmAction({
      title: `确认 ${year} 年十佳精品项目`,
      content: `按综合得分确认以下 ${proposed.length} 个项目：\n${titles.join('\n')}`,
      confirmText: '确认',
    })
    if (!ok) return
    setBusy(true)
    try {
      await confirmTopTen(year, proposed)
      showSuccessToast('已确认十佳')
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
      await view.reload()
    }
  }

  return { year, setYear, view, busy, needsConfirming, confirm }
}
