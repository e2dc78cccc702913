import { useCallback } from 'react'
import type { DashboardView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchBranchDashboard, fetchCommitteeDashboard, type DashboardFilters } from '../api/dashboard'

/** Which dashboard: the company's, or a branch's (the caller's own when `branchId` is left out). */
export type DashboardTarget = { kind: 'company' } | { kind: 'branch'; branchId?: string }

/** The dashboard for `target` under `filters`; nothing is asked while `target` is null (who I am still loading). */
export function useDashboard(
  target: DashboardTarget | null,
  filters: DashboardFilters,
): RequestState<DashboardView | null> {
  const key = JSON.stringify([target, filters])
  const load = useCallback(async () => {
    const [t, f] = JSON.parse(key) as [DashboardTarget | null, DashboardFilters]
    if (!t) return null
    return t.kind === 'company' ? fetchCommitteeDashboard(f) : fetchBranchDashboard(f, t.branchId)
  }, [key])
  return useRequest(load)
}
