import type { Checkin, CheckinCount, CheckinStats, CheckinStatsDoc, CounterScope } from '../types/entities'
import { EMPTY_STATS, addCheckin } from './checkins'

/** What counting needs of a check-in. */
export type Counted = Pick<
  Checkin,
  'personId' | 'seq' | 'day' | 'branchId' | 'projectId' | 'taskId' | 'milestoneId'
>

export const projectCounterId = (projectId: string) => `project:${projectId}`
/** Task ids are unique within their project only. */
export const taskCounterId = (projectId: string, taskId: string) => `task:${projectId}:${taskId}`
export const milestoneCounterId = (milestoneId: string) => `milestone:${milestoneId}`
export const branchCounterId = (branchId: string) => `branch:${branchId}`

/** The counter documents one check-in adds one to. */
export function countersOf(
  c: Pick<Checkin, 'branchId' | 'projectId' | 'taskId' | 'milestoneId'>,
): { _id: string; scope: CounterScope }[] {
  return [
    { _id: projectCounterId(c.projectId), scope: 'project' },
    { _id: taskCounterId(c.projectId, c.taskId), scope: 'task' },
    ...(c.milestoneId ? [{ _id: milestoneCounterId(c.milestoneId), scope: 'milestone' as const }] : []),
    { _id: branchCounterId(c.branchId), scope: 'branch' },
  ]
}

/** Running totals: what the counter documents should hold. */
export interface Tally {
  stats: Map<string, CheckinStats>
  counts: Map<string, CheckinCount>
}

export const emptyTally = (): Tally => ({ stats: new Map(), counts: new Map() })

/** Adds one check-in to a tally. Each member's check-ins must arrive in `seq` order, as they were recorded. */
export function tallyCheckin(tally: Tally, c: Counted): void {
  tally.stats.set(c.personId, addCheckin(tally.stats.get(c.personId) ?? EMPTY_STATS, c.day))
  for (const { _id, scope } of countersOf(c)) {
    const count = tally.counts.get(_id)
    if (count) count.count += 1
    else tally.counts.set(_id, { _id, scope, count: 1 })
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
