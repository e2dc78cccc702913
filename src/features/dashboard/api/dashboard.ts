import type { ActionInput, DashboardView, LeagueRow, OverdueItem, Page, RefreshResult } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The filters every dashboard takes (year, category). */
export type DashboardFilters = ActionInput<'dashboard', 'committee'>

/** 党委看板: the company's figures and the top of the league. */
export const fetchCommitteeDashboard = (filters: DashboardFilters): Promise<DashboardView> =>
  callCloud('dashboard', 'committee', filters)

/** 支部看板: a branch's figures (the caller's own when no branch is named). */
export const fetchBranchDashboard = (filters: DashboardFilters, branchId?: string): Promise<DashboardView> =>
  callCloud('dashboard', 'branch', branchId ? { ...filters, branchId } : filters)

/** One page of the overdue milestones behind a dashboard's figure. */
export const fetchOverdue = (
  filters: DashboardFilters & { branchId?: string },
  page: number,
  pageSize: number,
): Promise<Page<OverdueItem> & { asOf: string | null }> =>
  callCloud('dashboard', 'overdue', { ...filters, page, pageSize })

/** One page of the branch league, best first. */
export const fetchLeague = (
  filters: DashboardFilters,
  page: number,
  pageSize: number,
): Promise<Page<LeagueRow> & { asOf: string | null }> =>
  callCloud('dashboard', 'league', { ...filters, page, pageSize })

/** 立即刷新: the roll-up now rather than at the timer's next turn (at most once a minute). */
export const refreshDashboards = (): Promise<RefreshResult> => callCloud('dashboard', 'refresh', {})
