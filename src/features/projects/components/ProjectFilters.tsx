import { ScrollView, View } from '@tarojs/components'
import type { BranchView } from '@contract/api'
import type { ProjectsQuery } from '../api/fetch-projects'
import { branchOptions, categoryOptions, statusOptions, yearOptions } from '../project-filters'
import { FilterChip } from './FilterChip'
import './project-filters.css'

export interface ProjectFiltersProps {
  query: ProjectsQuery
  onChange: (query: ProjectsQuery) => void
  thisYear: number
  /** Shown only to those who see more than one branch (the committee). */
  branches?: BranchView[]
}

/** Filters of the project list: status, category, year and, for the committee, branch. */
export function ProjectFilters({ query, onChange, thisYear, branches }: ProjectFiltersProps) {
  const set =
    <K extends keyof ProjectsQuery>(key: K) =>
    (value: ProjectsQuery[K] | undefined) =>
      onChange({ ...query, [key]: value })
  return (
    <ScrollView scrollX className="project-filters" enhanced showScrollbar={false}>
      <View className="project-filters__row">
        <FilterChip name="状态" options={statusOptions} value={query.status} onChange={set('status')} />
        <FilterChip name="类别" options={categoryOptions} value={query.category} onChange={set('category')} />
        <FilterChip name="年度" options={yearOptions(thisYear)} value={query.year} onChange={set('year')} />
        {branches && branches.length > 1 ? (
          <FilterChip
            name="支部"
            options={branchOptions(branches)}
            value={query.branchId}
            onChange={set('branchId')}
          />
        ) : null}
      </View>
    </ScrollView>
  )
}
