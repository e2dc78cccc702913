import Taro, { useRouter } from '@tarojs/taro'
import { PROJECT_STATUSES } from '@contract/entities'
import type { ProjectStatus } from '@contract/entities'
import { chinaYear } from '@domain/dates'
import { STATUS_LABELS } from '@domain/labels'
import type { DashboardFilters } from '@/features/dashboard/api/dashboard'
import { LeagueRowCard } from '@/features/dashboard/components/LeagueRowCard'
import { OverdueCard } from '@/features/dashboard/components/OverdueCard'
import { filtersFromParams } from '@/features/dashboard/filters'
import { useLeagueList, useOverdueList } from '@/features/dashboard/hooks/use-dashboard-lists'
import { useYearCategoryNames } from '@/features/guide'
import { ProjectCard } from '@/features/projects/components/ProjectCard'
import { useProjects } from '@/features/projects/hooks/use-projects'
import { routes } from '@/routes'
import { PagedSection } from './components/PagedSection'

const isStatus = (v: string | undefined): v is ProjectStatus =>
  v !== undefined && (PROJECT_STATUSES as readonly string[]).includes(v)

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * What the list holds, in words: 项目 · 2026年度 · 服务关怀项目 · 实施中, the category named as the year's
 * 选题指南 names it (read beside the list, only when a category is asked).
 */
function useHeading(what: string, f: DashboardFilters, status?: ProjectStatus): string {
  const names = useYearCategoryNames(f.year ?? chinaYear(new Date()), Boolean(f.category))
  return [
    what,
    f.year ? `${f.year}年度` : null,
    f.category ? names[f.category] : null,
    status ? STATUS_LABELS[status] : null,
  ]
    .filter(Boolean)
    .join(' · ')
}

interface ListProps {
  filters: DashboardFilters
  branchId?: string
}

/** Projects of the status or category tapped: the project list's own query, with the dashboard's filters. */
function ProjectsList({ filters, branchId, status }: ListProps & { status?: ProjectStatus }) {
  const list = useProjects({ ...filters, ...(status ? { status } : {}), ...(branchId ? { branchId } : {}) })
  const title = useHeading('项目', filters, status)
  return (
    <PagedSection
      title={title}
      noun="个项目"
      list={list}
      empty="没有符合条件的项目"
      render={(p) => <ProjectCard key={p.id} project={p} onClick={() => go(routes.project(p.id))} />}
    />
  )
}

function OverdueList({ filters, branchId }: ListProps) {
  const list = useOverdueList({ ...filters, ...(branchId ? { branchId } : {}) })
  const title = useHeading('逾期里程碑', filters)
  return (
    <PagedSection
      title={title}
      noun="个里程碑"
      list={list}
      empty="没有逾期的里程碑"
      render={(m) => (
        <OverdueCard key={m.milestoneId} item={m} onClick={() => go(routes.project(m.projectId))} />
      )}
    />
  )
}

function LeagueList({ filters }: ListProps) {
  const list = useLeagueList(filters)
  const title = useHeading('层层打擂', filters)
  return (
    <PagedSection
      title={title}
      noun="个支部"
      list={list}
      empty="还没有排名，看板汇总后显示"
      render={(row) => (
        <LeagueRowCard
          key={row.branchId}
          row={row}
          detailed
          onClick={() => go(routes.branchDashboard(row.branchId))}
        />
      )}
    />
  )
}

/**
 * 看板明细: the list behind one dashboard figure (routes.dashboardList): `kind` = projects (with status,
 * category), overdue, or league; `year`, `category` and `branchId` carry the dashboard's filters.
 */
export default function DashboardListPage() {
  const { params } = useRouter()
  const filters = filtersFromParams(params)
  const branchId = params.branchId || undefined
  if (params.kind === 'overdue') return <OverdueList filters={filters} branchId={branchId} />
  if (params.kind === 'league') return <LeagueList filters={filters} />
  return (
    <ProjectsList
      filters={filters}
      branchId={branchId}
      status={isStatus(params.status) ? params.status : undefined}
    />
  )
}
