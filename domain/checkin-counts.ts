import type { Checkin, CheckinCount, CheckinStats, CheckinStatsDoc, CounterScope } from '../types/entities'
import { EMPTY_STATS, addCheckin, addWithdrawn } from './checkins'

/** What counting needs of a check-in. */
export type Counted = Pick<
  Checkin,
  'personId' | 'seq' | 'day' | 'branchId' | 'projectId' | 'taskId' | 'milestoneId' | 'withdrawnAt'
>

export const projectCounterId = (projectId: string) => `project:${projectId}`
/** Task ids are unique within their project only. */
export const taskCounterId = (projectId: string, taskId: string) => `task:${projectId}:${taskId}`
export const milestoneCounterId = (milestoneId: string) => `milestone:${milestoneId}`
export const branchCounterId = (branchId: string) => `branch:${branchId}`
export const projectWeekCounterId = (projectId: string, week: string) => `project_week:${projectId}:${week}`
export const memberMonthCounterId = (projectId: string, month: string, personId: string) =>
  `member_month:${projectId}:${month}:${personId}`

const DAY_MS = 24 * 3600 * 1000

/** The Monday (YYYY-MM-DD) of the week a China calendar day falls in: dashboards count check-ins by week. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const sinceMonday = (date.getUTCDay() + 6) % 7
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10)
}

/** The month (YYYY-MM) of a China calendar day. */
export const monthOf = (day: string): string => day.slice(0, 7)

/** A counter document one check-in adds one to; `fields` are stored with it when it is first written. */
export interface CounterRef {
  _id: string
  scope: CounterScope
  fields: Partial<Pick<CheckinCount, 'projectId' | 'branchId' | 'personId' | 'week' | 'month'>>
}

/**
 * The counter documents one check-in adds one to. Besides the running totals, the dashboard's: the project's
 * week, and the member's month on the project (one such document per member, project and month is what makes
 * them an active member that month).
 */
export function countersOf(
  c: Pick<Checkin, 'branchId' | 'projectId' | 'taskId' | 'milestoneId' | 'personId' | 'day'>,
): CounterRef[] {
  const week = weekOf(c.day)
  const month = monthOf(c.day)
  const { projectId, branchId, personId } = c
  return [
    { _id: projectCounterId(projectId), scope: 'project', fields: {} },
    { _id: taskCounterId(projectId, c.taskId), scope: 'task', fields: {} },
    ...(c.milestoneId
      ? [{ _id: milestoneCounterId(c.milestoneId), scope: 'milestone' as const, fields: {} }]
      : []),
    { _id: branchCounterId(branchId), scope: 'branch', fields: {} },
    {
      _id: projectWeekCounterId(projectId, week),
      scope: 'project_week',
      fields: { projectId, branchId, week },
    },
    {
      _id: memberMonthCounterId(projectId, month, personId),
      scope: 'member_month',
      fields: { projectId, branchId, personId, month },
    },
  ]
}

/**
 * How many of a member's latest check-ins (by id) a counter, and the member's figures, remember, so that adding
 * a check-in again (after a crash, or a retried request) adds nothing. Counting happens right after recording,
 * so a repeat concerns one of the last few.
 */
export const APPLIED_KEPT = 20

/** A stored counter without its bookkeeping (which check-ins it holds, when it changed): what a recount gives. */
export function countOnly<T extends { applied?: unknown; removed?: unknown; updatedAt?: unknown }>(
  doc: T,
): Omit<T, 'applied' | 'removed' | 'updatedAt'> {
  const rest: T = { ...doc }
  delete rest.applied
  delete rest.removed
  delete rest.updatedAt
  return rest
}

/**
 * Stored counters as a recount gives them: a counter whose check-ins were all withdrawn stays stored at 0 (its
 * `updatedAt` is the change the dashboard roll-up reads) and is the same as no counter at all.
 */
export const storedCounts = <T extends { count?: unknown }>(docs: readonly T[]): T[] =>
  docs.filter((d) => d.count !== 0)

/** A member's stored figures without their bookkeeping of the latest check-ins they hold. */
export function figuresOnly<T extends { recent?: unknown }>(doc: T): Omit<T, 'recent'> {
  const rest: T = { ...doc }
  delete rest.recent
  return rest
}

/** Running totals: what the counter documents should hold. */
export interface Tally {
  stats: Map<string, CheckinStats>
  counts: Map<string, CheckinCount>
}

export const emptyTally = (): Tally => ({ stats: new Map(), counts: new Map() })

/** Adds one check-in to a tally. Each member's check-ins must arrive in `seq` order, as they were recorded. */
export function tallyCheckin(tally: Tally, c: Counted): void {
  const before = tally.stats.get(c.personId) ?? EMPTY_STATS
  // A withdrawn check-in keeps its number but counts nowhere else.
  if (c.withdrawnAt) {
    tally.stats.set(c.personId, addWithdrawn(before))
    return
  }
  tally.stats.set(c.personId, addCheckin(before, c.day))
  for (const { _id, scope, fields } of countersOf(c)) {
    const count = tally.counts.get(_id)
    if (count) count.count += 1
    else tally.counts.set(_id, { _id, scope, count: 1, ...fields })
  }
}

/** The tally as documents, sorted by `_id`. */
export function tallyDocs(tally: Tally): { stats: CheckinStatsDoc[]; counts: CheckinCount[] } {
  const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  return {
    stats: [...tally.stats].map(([_id, s]) => ({ _id, ...s })).sort(byId),
    counts: [...tally.counts.values()].map((c) => ({ ...c })).sort(byId),
  }
}

/**
 * The counters recounted from the check-ins alone, in any order: each member's are replayed in `seq` order,
 * the order the running figures were updated in (a late record counts but never breaks a streak, so the
 * order matters). Counters kept transaction by transaction must equal this.
 */
export function recountCheckins(checkins: Iterable<Counted>): {
  stats: CheckinStatsDoc[]
  counts: CheckinCount[]
} {
  const ordered = [...checkins].sort((a, b) =>
    a.personId === b.personId ? a.seq - b.seq : a.personId < b.personId ? -1 : 1,
  )
  const tally = emptyTally()
  for (const c of ordered) tallyCheckin(tally, c)
  return tallyDocs(tally)
}
