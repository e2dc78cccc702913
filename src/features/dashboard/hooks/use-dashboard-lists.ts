import { useCallback } from 'react'
import type { LeagueRow, OverdueItem } from '@contract/api'
import { pageChunk, usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchLeague, fetchOverdue, type DashboardFilters } from '../api/dashboard'

export const LIST_PAGE_SIZE = 20

/** Every overdue milestone behind the figure, oldest deadline first, growing on reach-bottom. */
export function useOverdueList(filters: DashboardFilters & { branchId?: string }): PagedList<OverdueItem> {
  const key = JSON.stringify(filters)
  const fetchChunk = useCallback(
    (page: number | null) =>
      fetchOverdue(JSON.parse(key) as DashboardFilters, page ?? 1, LIST_PAGE_SIZE).then(pageChunk),
    [key],
  )
  return usePagedList(fetchChunk, (m) => m.milestoneId)
}

/** The whole league, best first, growing on reach-bottom. */
export function useLeagueList(filters: DashboardFilters): PagedList<LeagueRow> {
  const key = JSON.stringify(filters)
  const fetchChunk = useCallback(
    (page: number | null) =>
      fetchLeague(JSON.parse(key) as DashboardFilters, page ?? 1, LIST_PAGE_SIZE).then(pageChunk),
    [key],
  )
  return usePagedList(fetchChunk, (r) => r.branchId)
}
