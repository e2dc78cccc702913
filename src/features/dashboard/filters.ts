import { PROJECT_CATEGORIES } from '@contract/entities'
import type { ProjectCategory } from '@contract/entities'
import type { DashboardFilters } from './api/dashboard'

const isCategory = (v: string | undefined): v is ProjectCategory =>
  v !== undefined && (PROJECT_CATEGORIES as readonly string[]).includes(v)

/** Filters read from a page's query (year, category); anything unrecognised is left out. */
export function filtersFromParams(params: Record<string, string | undefined>): DashboardFilters {
  const year = Number(params.year)
  return {
    ...(Number.isInteger(year) && year > 0 ? { year } : {}),
    ...(isCategory(params.category) ? { category: params.category } : {}),
  }
}

/** Filters as a page's query (strings), for routes.dashboardList. */
export const filtersToParams = (f: DashboardFilters): Record<string, string | undefined> => ({
  year: f.year === undefined ? undefined : String(f.year),
  category: f.category,
})
