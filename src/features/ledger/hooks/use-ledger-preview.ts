import { useCallback } from 'react'
import type { LedgerPreview, LedgerScope } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchLedgerPreview } from '../api/ledger'

/** What the ledger page will export; `scope` null loads nothing. */
export function useLedgerPreview(scope: LedgerScope | null): RequestState<LedgerPreview> {
  const key = scope ? JSON.stringify(scope) : ''
  const load = useCallback(
    async () =>
      key ? fetchLedgerPreview(JSON.parse(key) as LedgerScope) : Promise.reject(new Error('no scope')),
    [key],
  )
  return useRequest(load)
}
