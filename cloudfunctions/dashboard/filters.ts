import { chinaDay } from '../../domain/checkins'
import { dashboardYears, rollupKey } from '../../domain/dashboard'
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
