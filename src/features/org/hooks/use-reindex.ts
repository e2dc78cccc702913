import { useCallback, useRef, useState } from 'react'
import type { ReindexKind } from '@domain/org-audit'
import { reindexBatch } from '../api/org-admin'
import { type CloudError, toCloudError } from '@/services/cloud-error'

export interface ReindexState {
  kind: ReindexKind
  done: number
  total: number
  running: boolean
  finished: boolean
  error: CloudError | null
}

/**
 * 重建搜索索引 from the page: one batch a call (org.reindexSearch), the next started when the last answers, until
 * none is left or the person stops it. A failed batch stops the run and says why; 继续 resumes after the last
 * batch that was indexed (indexing a batch twice changes nothing).
 */
export function useReindex() {
  const [state, setState] = useState<ReindexState | null>(null)
  const stopped = useRef(false)
  const cursor = useRef<string | null>(null)

  const run = useCallback(async (kind: ReindexKind, resume = false) => {
    stopped.current = false
    if (!resume) cursor.current = null
    setState((s) => ({
      kind,
      done: resume && s?.kind === kind ? s.done : 0,
      total: resume && s?.kind === kind ? s.total : 0,
      running: true,
      finished: false,
      error: null,
    }))
    for (;;) {
      try {
        const res = await reindexBatch(kind, cursor.current)
        cursor.current = res.next
        const finished = res.next === null
        setState((s) => ({
          kind,
          done: (s?.done ?? 0) + res.indexed,
          total: res.total,
          running: !finished && !stopped.current,
          finished,
          error: null,
        }))
        if (finished || stopped.current) return
      } catch (e) {
        setState((s) => (s ? { ...s, running: false, error: toCloudError(e) } : s))
        return
      }
    }
  }, [])

  const stop = useCallback(() => {
    stopped.current = true
  }, [])

  return { state, run, stop }
}
