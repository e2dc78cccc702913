import { useCallback } from 'react'
import type { RecordSummary } from '@contract/api'
import { pageChunk, usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchRecords } from '../api/records'

/** 督导记录, newest contact first, a page at a time (the caller's scope: the committee's all, a secretary's branch). */
export function useRecords(branchId?: string): PagedList<RecordSummary> {
  const load = useCallback(
    async (page: number | null) => pageChunk(await fetchRecords(page ?? 1, branchId)),
    [branchId],
  )
  return usePagedList(load, (r) => r.id)
}
