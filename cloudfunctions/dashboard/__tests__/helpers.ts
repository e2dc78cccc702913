import type { TestCloud } from '../../../localcloud/testing'
import type { Result } from '../../../types/result'
import type { RollupSummary } from '../rollup'

export { countCalls, data, guestCookie } from '../../projects/__tests__/helpers'

// Demo ids (localcloud/seed): b-yunwei (运维部) secretary p001, members p002–p007, runs prj-001 (in progress)
// and has prj-009 (closed); p008 secretary of b-yingxiao; p057–p060 committee.
export const YUNWEI = 'b-yunwei'
export const YINGXIAO = 'b-yingxiao'

/** Runs the timer-triggered roll-up now, as the schedule would. */
export async function fireRollup(cloud: TestCloud): Promise<RollupSummary> {
  const res = (await cloud.fireTimer('dashboard', 'rollup')) as Result<RollupSummary>
  if (!res.ok) throw new Error(`roll-up failed: ${res.code} ${res.message}`)
  return res.data
}

type Doc = Record<string, unknown>
const DAY = 24 * 3600 * 1000
const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const day = (d: unknown) => new Date(d as string | Date).toISOString().slice(0, 10)
const mondayOf = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`)
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10)
}

/**
 * Every dashboard figure recounted the long way, from the raw documents: each check-in, each rating, each
 * milestone. It shares no code with the roll-up, so the two agreeing means something.
 */
export function recount(
  cloud: TestCloud,
  filter: { year: number; category?: string; branchId?: string; today: string },
) {
  const all = (c: string, q: Doc = {}) => cloud.db.find(c, q, { limit: 1_000_000 })
  const projects = all('projects').filter(
    (p) =>
      p.year === filter.year &&
      (!filter.category || p.category === filter.category) &&
      (!filter.branchId || p.branchId === filter.branchId),
  )
  const ids = new Set(projects.map((p) => p._id as string))
  const statusOf = new Map(projects.map((p) => [p._id as string, p.status as string]))
  const milestones = all('milestones').filter((m) => ids.has(m.projectId as string))
  const counted = milestones.filter((m) =>
    ['in_progress', 'acceptance_requested', 'closed', 'archived'].includes(
      statusOf.get(m.projectId as string) ?? '',
    ),
  )
  const { today } = filter
  const ref = filter.year < Number(today.slice(0, 4)) ? `${filter.year}-12-31` : today
  const lastMonday = Date.parse(`${mondayOf(ref)}T00:00:00Z`)
  const weeks = Array.from({ length: 12 }, (_, k) =>
    new Date(lastMonday - (11 - k) * 7 * DAY).toISOString().slice(0, 10),
  )
  const checkins = all('checkins').filter((c) => ids.has(c.projectId as string))
  const month = ref.slice(0, 7)
  const people = all('people').filter((p) =>
    filter.branchId ? p.branchId === filter.branchId : p.branchId !== null,
  )
  const branchIds = filter.branchId
    ? [filter.branchId]
    : all('org_units', { kind: 'branch' }).map((u) => u._id)
  const study = all('study_totals', { scope: 'branch' })
    .filter((t) => branchIds.includes((t._id as string).slice('branch:'.length)))
    .reduce((s, t) => s + (t.studySeconds as number), 0)
  const ratings = all('ratings').filter((r) => ids.has(r.projectId as string))
  const overdue = milestones
    .filter(
      (m) =>
        ['in_progress', 'acceptance_requested'].includes(statusOf.get(m.projectId as string) ?? '') &&
        m.status !== 'approved' &&
        m.deadline &&
        day(m.deadline) < today,
    )
    .sort(
      (a, b) =>
        day(a.deadline).localeCompare(day(b.deadline)) || (a._id as string).localeCompare(b._id as string),
    )
  const approved = counted.filter((m) => m.status === 'approved')
  const judged = counted.filter((m) => m.deadline && (m.status === 'approved' || day(m.deadline) < today))
  const sum = (xs: Doc[], f: (x: Doc) => number) => xs.reduce((s, x) => s + f(x), 0)
  const thisMonth = checkins.filter((c) => (c.day as string).startsWith(month))
  return {
    total: projects.length,
    byStatus: (s: string) => projects.filter((p) => p.status === s).length,
    byCategory: (c: string) => projects.filter((p) => p.category === c).length,
    doneWeight: sum(approved, (m) => m.weight as number),
    totalWeight: sum(counted, (m) => m.weight as number),
    onTime: judged.filter(
      (m) => m.status === 'approved' && chinaDay(new Date(m.decidedAt as string)) <= day(m.deadline),
    ).length,
    considered: judged.length,
    overdue: overdue.map((m) => m._id as string),
    weeks: weeks.map((week) => ({
      week,
      count: checkins.filter((c) => mondayOf(c.day as string) === week).length,
    })),
    month,
    activeMembers: new Set(thisMonth.map((c) => c.personId)).size,
    members: people.length,
    studyHours: Math.round((study / 3600) * 10) / 10,
    ratings: ratings.length,
    average: ratings.length
      ? Math.round((sum(ratings, (r) => r.score as number) / ratings.length) * 100) / 100
      : null,
    participation: people.map((p) => ({
      personId: p._id as string,
      checkinsThisMonth: thisMonth.filter((c) => c.personId === p._id).length,
      milestonesOwned: milestones.filter((m) => m.ownerId === p._id).length,
      milestonesApproved: milestones.filter((m) => m.ownerId === p._id && m.status === 'approved').length,
    })),
  }
}
