import { useCallback, useState } from 'react'
import type { DrawVerification, SpotCheckDetail } from '@contract/api'
import type { FindingConclusion } from '@contract/entities'
import { usePageAction } from '@/hooks/use-page-action'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import {
  addRectification,
  completeRectification,
  confirmRectification,
  fetchSpotCheck,
  reopenRectification,
  saveFinding,
  verifySpotCheck,
} from '../api/supervision'

export type StepAction = 'complete' | 'confirm' | 'reopen'

export interface SpotCheckPage {
  check: RequestState<SpotCheckDetail>
  busy: boolean
  verification: DrawVerification | null
  verifying: boolean
  verify: () => Promise<void>
  /** Each resolves true when saved (the page then clears its form). */
  recordFinding: (projectId: string, conclusion: FindingConclusion, text: string) => Promise<boolean>
  addTask: (projectId: string, text: string, deadline: string) => Promise<boolean>
  step: (id: string, action: StepAction, text: string) => Promise<boolean>
}

const DONE: Record<StepAction, string> = { complete: '已报告完成', confirm: '已销号', reopen: '已退回重改' }

/** A spot check's page: the draw and its verification, findings, and rectifications step by step. */
export function useSpotCheck(id: string | undefined): SpotCheckPage {
  const load = useCallback(
    () => (id ? fetchSpotCheck(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定抽查'))),
    [id],
  )
  const check = useRequest(load)
  const { busy, run } = usePageAction(check.reload)
  const [verification, setVerification] = useState<DrawVerification | null>(null)
  const [verifying, setVerifying] = useState(false)

  const save = (work: () => Promise<unknown>, done: string): Promise<boolean> =>
    run(async () => {
      await work()
      return done
    })

  return {
    check,
    busy,
    verification,
    verifying,
    verify: async () => {
      if (!id) return
      setVerifying(true)
      try {
        setVerification(await verifySpotCheck(id))
      } catch (e) {
        showErrorToast(e)
      } finally {
        setVerifying(false)
      }
    },
    recordFinding: (projectId, conclusion, text) =>
      save(() => saveFinding({ id: id ?? '', projectId, conclusion, text }), '已保存'),
    addTask: (projectId, text, deadline) =>
      save(() => addRectification({ id: id ?? '', projectId, text, deadline }), '已下达整改'),
    step: async (rid, action, text) => {
      if (action === 'confirm') {
        const ok = await confirmAction({
          title: '确认整改销号',
          content: '确认该项整改已完成并销号？销号后不能再退回。',
          confirmText: '销号',
        })
        if (!ok) return false
      }
      const run = {
        complete: completeRectification,
        confirm: confirmRectification,
        reopen: reopenRectification,
      }
      return save(() => run[action](rid, text), DONE[action])
    },
  }
}
