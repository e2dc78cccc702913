import { chinaDay } from '../../domain/checkins'
import { rollUpDashboards } from '../../domain/dashboard-rollup'
import type { RollupOutput } from '../../domain/dashboard-rollup'
import type { OrgUnit, Person, Project } from '../../types/entities'
import type { StudyTotals } from '../../types/entities-community'
import type { DashboardLeague, DashboardRun } from '../../types/entities-dashboard'
import type { DemoCheckins } from './checkins'

/**
 * The demo's dashboard documents as the roll-up would write them at `now`: the same pure roll-up over the
 * demo's projects, milestones, check-in counters and study totals, so the dashboards open with figures at once.
 */
export function buildDemoDashboards(
  org: { units: OrgUnit[]; people: Person[] },
  projects: readonly Project[],
  loop: Pick<DemoCheckins, 'milestones' | 'counts'>,
  totals: readonly StudyTotals[],
  now: Date,
): RollupOutput & { leagues: DashboardLeague[]; run: DashboardRun } {
  const today = chinaDay(now)
  const study = (scope: StudyTotals['scope']) =>
    new Map(
      totals.filter((t) => t.scope === scope).map((t) => [t._id.slice(scope.length + 1), t.studySeconds]),
    )
  const out = rollUpDashboards({
    today,
    branches: org.units.filter((u) => u.kind === 'branch'),
    people: org.people,
    projects: [...projects],
    milestones: loop.milestones,
    weekCounts: loop.counts.flatMap((c) =>
      c.scope === 'project_week'
        ? [{ projectId: c.projectId ?? '', week: c.week ?? '', count: c.count }]
        : [],
    ),
    monthCounts: loop.counts.flatMap((c) =>
      c.scope === 'member_month'
        ? [{ projectId: c.projectId ?? '', personId: c.personId ?? '', month: c.month ?? '', count: c.count }]
        : [],
    ),
    memberStudy: study('member'),
    branchStudy: study('branch'),
  })
  return { ...out, run: { _id: 'run', at: now, today, ms: 0, written: out.rollups.length, removed: 0 } }
}
