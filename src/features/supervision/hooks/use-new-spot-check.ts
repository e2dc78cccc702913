import { useCallback, useRef, useState } from 'react'
import { confirmAction } from '@/services/confirm'
import { newRequestId } from '@/services/request-id'
import { showErrorToast } from '@/services/show-error-toast'
import { useRequest } from '@/hooks/use-request'
import { countCandidates, drawSpotCheck } from '../api/supervision'

export const MAX_SIZE = 20

export interface NewSpotCheck {
  size: number
  setSize: (n: number) => void
  branchId: string | undefined
  setBranchId: (id: string | undefined) => void
  /** Running projects a draw would choose from, once counted. */
  candidates: { count: number; scopeName: string } | undefined
  busy: boolean
  /** Asks first, then draws; resolves the new check's id, or null if cancelled or refused. */
  draw: () => Promise<string | null>
}

/** 新建抽查: how many, from where, a confirmation, then the recorded draw. */
export function useNewSpotCheck(): NewSpotCheck {
  const [size, setSizeState] = useState(3)
  const [branchId, setBranchId] = useState<string>()
  const [busy, setBusy] = useState(false)
  // One id per confirmed draw, kept until it succeeds, so a retry after a lost answer finds the first draw.
  const requestId = useRef<string | null>(null)
  const load = useCallback(() => countCandidates(branchId), [branchId])
  const candidates = useRequest(load).data

  const setSize = (n: number) => setSizeState(Math.max(1, Math.min(MAX_SIZE, Math.round(n))))

  const draw = async (): Promise<string | null> => {
    if (busy || !candidates) return null
    const picks = Math.min(size, candidates.count)
    const ok = await confirmAction({
      title: '确认随机抽取',
      content:
        candidates.count === 0
          ? `${candidates.scopeName}目前没有实施中的项目。`
          : `将从${candidates.scopeName}的 ${candidates.count} 个实施中项目中随机抽取 ${picks} 个。随机种子和抽取结果会被记录，不能更改。`,
      confirmText: '抽取',
    })
    if (!ok || candidates.count === 0) return null
    setBusy(true)
    requestId.current ??= newRequestId()
    try {
      const res = await drawSpotCheck({
        requestId: requestId.current,
        size,
        ...(branchId ? { branchId } : {}),
      })
      requestId.current = null
      return res.id
    } catch (e) {
      showErrorToast(e)
      return null
    } finally {
      setBusy(false)
    }
  }

  return { size, setSize, branchId, setBranchId, candidates, busy, draw }
}
