import { countOnly, figuresOnly, recountCheckins, storedCounts } from '../domain/checkin-counts'
import type { Counted } from '../domain/checkin-counts'
import { rollUpDashboards } from '../domain/dashboard-rollup'
import { formatDay } from '../domain/dates'
import type { RollupMilestone, RollupProject } from '../domain/dashboard-rollup'
import type { StudyTotals } from '../types/entities-community'
import type { DashboardRun } from '../types/entities-dashboard'
import { join } from 'node:path'
import { installLocalDatabase } from './db'
import type { LocalDatabase } from './db'
import { loadFunctions } from './functions'
import { invokeFunction } from './gateway/server'
import { installIdentity, TRIGGER_CALLER } from './identity'
import { ROOT } from './index'

/** One document whose stored content differs from the recount (missing on one side: null). */
export interface Mismatch {
  collection: string
  _id: string
  stored: unknown
  recounted: unknown
}

type Doc = Record<string, unknown>
const ALL = 100_000_000
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown

function compare(collection: string, stored: Doc[], recounted: object[], out: Mismatch[]): void {
  const want = new Map(recounted.map((d) => [(d as Doc)._id as string, plain(d)]))
  const have = new Map(stored.map((d) => [d._id as string, plain(d)]))
  for (const id of new Set([...want.keys(), ...have.keys()])) {
    const a = have.get(id) ?? null
    const b = want.get(id) ?? null
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ collection, _id: id, stored: a, recounted: b })
  }
}

/**
 * Recounts from the raw records alone and compares with what is stored: every check-in counter and member
 * figure (from each check-in), and every dashboard document (the roll-up recomputed from the projects,
 * milestones, check-ins and study totals, judged on the day of the stored run). Empty when all agree.
 */
export function checkCounters(db: LocalDatabase): {
  mismatches: Mismatch[]
  checked: Record<string, number>
} {
  const find = (c: string, q: Doc = {}) => db.find(c, q, { limit: ALL })
  const mismatches: Mismatch[] = []
  const checkins = find('checkins') as unknown as Counted[]
  const recount = recountCheckins(checkins)
  compare('checkin_stats', find('checkin_stats').map(figuresOnly), recount.stats, mismatches)
  compare('checkin_counts', storedCounts(find('checkin_counts')).map(countOnly), recount.counts, mismatches)

  const run = find('dashboard_rollups', { _id: 'run' })[0] as unknown as DashboardRun | undefined
  let rollups = 0
  if (run) {
    const totals = find('study_totals') as unknown as StudyTotals[]
    const study = (scope: StudyTotals['scope']) =>
      new Map(
        totals.filter((t) => t.scope === scope).map((t) => [t._id.slice(scope.length + 1), t.studySeconds]),
      )
    const out = rollUpDashboards({
      today: run.today,
      branches: find('org_units', { kind: 'branch' }) as unknown as {
        _id: string
        name: string
        order: number
      }[],
      people: find('people') as unknown as { _id: string; name: string; branchId: string | null }[],
      projects: find('projects') as unknown as RollupProject[],
      milestones: find('milestones') as unknown as RollupMilestone[],
      weekCounts: recount.counts.flatMap((c) =>
        c.scope === 'project_week'
          ? [{ projectId: c.projectId ?? '', week: c.week ?? '', count: c.count }]
          : [],
      ),
      monthCounts: recount.counts.flatMap((c) =>
        c.scope === 'member_month'
          ? [
              {
                projectId: c.projectId ?? '',
                personId: c.personId ?? '',
                month: c.month ?? '',
                count: c.count,
              },
            ]
          : [],
      ),
      memberStudy: study('member'),
      branchStudy: study('branch'),
    })
    // The dashboards themselves, not the roll-up's own records (run, plan, the shards' parts).
    const stored = find('dashboard_rollups').filter(
      (d) => d.kind === 'company' || d.kind === 'branch' || d.kind === 'league',
    )
    compare('dashboard_rollups', stored, [...out.rollups, ...out.leagues], mismatches)
    compare('dashboard_overdue', find('dashboard_overdue'), out.overdue, mismatches)
    rollups = out.rollups.length + out.leagues.length + out.overdue.length
  }
  const statuses = find('supervision_branch_status')
  compare(
    'supervision_branch_status',
    statuses.map(statusOnly),
    recountStatuses(find('supervision_records')),
    mismatches,
  )
  return {
    mismatches,
    checked: {
      checkins: checkins.length,
      counters: recount.counts.length + recount.stats.length,
      dashboards: rollups,
      supervision: statuses.length,
    },
  }
}

/** What a branch's 督导 status must agree with its records on: the latest contact and 定期检查 days, open follow-ups. */
const statusOnly = (d: Doc) => ({
  _id: d._id,
  lastDate: d.lastDate ? formatDay(d.lastDate as Date) : null,
  lastInspectionDate: d.lastInspectionDate ? formatDay(d.lastInspectionDate as Date) : null,
  openFollowUps: d.openFollowUps,
})

/** Each branch's status recounted from its 督导记录 alone (a merged branch's records count under the branch they moved to). */
function recountStatuses(records: Doc[]): ReturnType<typeof statusOnly>[] {
  const out = new Map<string, ReturnType<typeof statusOnly>>()
  for (const r of records) {
    const day = formatDay(r.date as Date)
    const was = out.get(r.branchId as string)
    const latest = (a: string | null | undefined, b: string | null): string | null =>
      a == null ? b : b === null || a >= b ? a : b
    out.set(r.branchId as string, {
      _id: r.branchId,
      lastDate: latest(was?.lastDate, day),
      lastInspectionDate: latest(was?.lastInspectionDate, r.method === 'inspection' ? day : null),
      openFollowUps: ((was?.openFollowUps as number | undefined) ?? 0) + (r.openFollowUps as number),
    })
  }
  return [...out.values()]
}

/**
 * Runs the dashboard roll-up once, as its timer would: check-ins not yet counted are counted, and the stored
 * dashboards then reflect every record.
 */
export async function rollUp(db: LocalDatabase): Promise<void> {
  const fn = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('dashboard')
  if (!fn) throw new Error('没有找到构建好的 dashboard 云函数：请先运行 npm run build:functions')
  installIdentity()
  const uninstall = installLocalDatabase(db)
  try {
    const res = (await invokeFunction(
      fn,
      { Type: 'Timer', TriggerName: 'rollup', Time: new Date().toISOString() },
      TRIGGER_CALLER,
      120_000,
    )) as {
      ok: boolean
      message?: string
    }
    if (!res.ok) throw new Error(`看板汇总失败：${res.message ?? ''}`)
  } finally {
    uninstall()
  }
}
