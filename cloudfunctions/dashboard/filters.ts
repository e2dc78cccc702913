import { chinaDay } from '../../domain/checkins'
import { dashboardYears, rollupKey } from '../../domain/dashboard'
import type { DashboardDenial } from '../../domain/dashboard-permissions'
import type { Actor } from '../../domain/roles'
import type { ProjectCategory } from '../../types/entities'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { now } from '../_shared/clock'

export interface Filters {
  year: number
  category: ProjectCategory | undefined
  /** `<year>:<category|all>`: the roll-up documents of this filter. */
  key: string
  today: string
  years: number[]
}

/** The year (default this year) and category asked for, or INVALID_INPUT for a year the dashboards do not cover. */
export function resolveFilters(params: {
  year?: number
  category?: ProjectCategory
}): { ok: true; filters: Filters } | { ok: false; fail: Fail } {
  const today = chinaDay(now())
  const years = dashboardYears(today)
  const year = params.year ?? years[0]
  if (!years.includes(year)) {
    const message = `年度应在 ${years[years.length - 1]} 至 ${years[0]} 之间`
    return { ok: false, fail: fail('INVALID_INPUT', message, [{ path: 'year', message }]) }
  }
  const key = rollupKey(year, params.category ?? 'all')
  return { ok: true, filters: { year, category: params.category, key, today, years } }
}

/**
 * A branch or list dashboard's request: the scope that `scopeOf` grants the caller and the filters asked for, or
 * why not. The refusal comes first (permission before input); `foreign` says what another branch's would show.
 */
export function resolveScoped<S extends { ok: true }>(
  caller: Actor,
  params: { branchId?: string; year?: number; category?: ProjectCategory },
  scopeOf: (caller: Actor, branchId: string | undefined) => S | { ok: false; reason: DashboardDenial },
  foreign: string,
): { ok: true; scope: S; filters: Filters } | { ok: false; fail: Fail } {
  const scope = scopeOf(caller, params.branchId)
  if (!scope.ok) {
    if (scope.reason === 'NO_BRANCH') {
      const message = '请选择支部'
      return { ok: false, fail: fail('INVALID_INPUT', '请选择要查看的支部', [{ path: 'branchId', message }]) }
    }
    const message = scope.reason === 'FOREIGN_BRANCH' ? foreign : '看板由支部书记和党委查看'
    return { ok: false, fail: fail('FORBIDDEN', message) }
  }
  const resolved = resolveFilters(params)
  return resolved.ok ? { ok: true, scope, filters: resolved.filters } : resolved
}
