import { useCallback } from 'react'
import type { SpotCheckSummary } from '@contract/api'
import { pageChunk, usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchSpotChecks } from '../api/supervision'

/** Spot checks, newest first, a page at a time. */
export function useSpotChecks(): PagedList<SpotCheckSummary> {
  const load = useCallback(async (page: number | null) => pageChunk(await fetchSpotChecks(page ?? 1)), [])
  return usePagedList(load, (c) => c.id)
}
