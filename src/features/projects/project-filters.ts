import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '@contract/entities'
import type { ProjectCategory, ProjectStatus } from '@contract/entities'
import { CATEGORY_LABELS, STATUS_LABELS } from '@domain/labels'
import type { ProjectsQuery } from './api/fetch-projects'

/** One filter's choices: the first is always 全部 (no filter). */
export interface FilterOption<V> {
  value: V | undefined
  label: string
}

const all = <V>(label: string): FilterOption<V> => ({ value: undefined, label })

export const statusOptions: FilterOption<ProjectStatus>[] = [
  all('全部状态'),
  ...PROJECT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
]

export const categoryOptions: FilterOption<ProjectCategory>[] = [
  all('全部类别'),
  ...PROJECT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
]

/** This year and the four before it: projects run by the year (年度). */
export function yearOptions(thisYear: number): FilterOption<number>[] {
  return [
    all<number>('全部年度'),
    ...[0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: `${thisYear - k}年度` })),
  ]
}

export function branchOptions(branches: { id: string; name: string }[]): FilterOption<string>[] {
  return [all<string>('全部支部'), ...branches.map((b) => ({ value: b.id, label: b.name }))]
}

/** Whether any filter narrows the list (the empty state then says so, and offers to clear them). */
export const isFiltered = (q: ProjectsQuery): boolean =>
  q.status !== undefined || q.category !== undefined || q.year !== undefined || q.branchId !== undefined
