import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../types/entities'
import type { Milestone, ProjectCategory, ProjectStatus } from '../types/entities'
import type {
  CategoryKey,
  DashboardFigures,
  DashboardOverdueRow,
  DashboardRollup,
  LeaguePart,
  MemberParticipation,
  OverdueMilestone,
} from '../types/entities-dashboard'
import { LEAGUE_PARTS } from '../types/entities-dashboard'
import { monthOf, weekOf } from './checkin-counts'
import { chinaDay } from './checkins'
import { formatDay } from './dates'

/** How many weeks the check-ins chart shows, the last one being the week of the reference day. */
export const WEEKS_SHOWN = 12
/** How many years back the year filter reaches (this year and the four before it, like the project list). */
export const YEARS_BACK = 4
/** How many overdue milestones a dashboard shows before "查看全部". */
export const OVERDUE_TOP = 5

/** Projects whose milestones count towards completion and timeliness: under way or finished. */
export const COUNTED_STATUSES: readonly ProjectStatus[] = [
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
]
/** Projects whose unfinished milestones can be overdue: still being implemented (finished ones are judged). */
export const OVERDUE_STATUSES: readonly ProjectStatus[] = ['in_progress', 'acceptance_requested']

/** The years the dashboards cover, newest first. A year outside them is refused. */
export function dashboardYears(today: string): number[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: YEARS_BACK + 1 }, (_, k) => year - k)
}

/**
 * The day check-in figures of `year` are read at: today for this year, the last day of an earlier year
 * (its last twelve weeks, its December).
 */
export const referenceDay = (year: number, today: string): string =>
  year >= Number(today.slice(0, 4)) ? today : `${year}-12-31`

/** The Mondays of the `WEEKS_SHOWN` weeks ending with the one `day` falls in, oldest first. */
export function weeksEnding(day: string, count = WEEKS_SHOWN): string[] {
  const last = Date.parse(`${weekOf(day)}T00:00:00Z`)
  return Array.from({ length: count }, (_, k) =>
    new Date(last - (count - 1 - k) * 7 * 24 * 3600 * 1000).toISOString().slice(0, 10),
  )
}

export const rollupKey = (year: number, category: CategoryKey): string => `${year}:${category}`
export const rollupId = (key: string, branchId: string | null): string => `${key}:${branchId ?? 'company'}`
export const overdueRowId = (key: string, milestoneId: string): string => `${key}:${milestoneId}`

/**
 * 完成率 (completion): the approved share of the milestone weight of the projects under way or finished
 * (COUNTED_STATUSES), 0–100; null when they have no weighted milestones yet. The same milestone-weighted
 * measure as a project's progress, summed over projects, so a large project weighs as much as its plan says.
 */
export const completionRate = (f: Pick<DashboardFigures, 'doneWeight' | 'totalWeight'>): number | null =>
  f.totalWeight > 0 ? round1((f.doneWeight / f.totalWeight) * 100) : null

/**
 * 按期完成率 (on-time): of the milestones judged so far, the share approved on or before their deadline day,
 * 0–100; null when none is judged yet. A milestone is judged once its deadline day has passed or once it is
 * approved (early approval counts as on time), so the rate never exceeds 100 and an overdue milestone lowers it
 * from the day after its deadline. Milestones of projects not under way or finished, and undated ones, are left out.
 */
export const onTimeRate = (f: Pick<DashboardFigures, 'onTime' | 'considered'>): number | null =>
  f.considered > 0 ? round1((f.onTime / f.considered) * 100) : null

/** 群众满意度: the mean rating (1–5) of the projects counted, or null when nobody rated them. */
export const averageRating = (f: Pick<DashboardFigures, 'ratingCount' | 'ratingSum'>): number | null =>
  f.ratingCount > 0 ? Math.round((f.ratingSum / f.ratingCount) * 100) / 100 : null

/** Overdue: not approved, its project still being implemented, and its deadline day before today. */
export const isOverdue = (
  m: Pick<Milestone, 'status' | 'deadline'>,
  projectStatus: ProjectStatus,
  today: string,
): boolean =>
  OVERDUE_STATUSES.includes(projectStatus) &&
  m.status !== 'approved' &&
  m.deadline !== null &&
  formatDay(m.deadline) < today

/** Whole days a deadline lies before today (1 = due yesterday). */
export const daysOverdue = (deadline: string, today: string): number =>
  Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / (24 * 3600 * 1000))

// ---------------------------------------------------------------------------------------------------------
// 层层打擂: the branch league score

/** How much each part weighs in the score (they add up to 100). */
export const LEAGUE_WEIGHTS: Record<LeaguePart, number> = {
  completion: 30,
  onTime: 25,
  checkins: 20,
  study: 15,
  satisfaction: 10,
}
/** One check-in per member per week earns the check-in part's full 100. */
export const CHECKINS_PER_MEMBER_WEEK_TARGET = 1
/** Ten hours of micro-lecture study per member earns the study part's full 100. */
export const STUDY_HOURS_PER_MEMBER_TARGET = 10

const round1 = (x: number) => Math.round(x * 10) / 10
const capped = (x: number) => round1(Math.min(100, Math.max(0, x)))

/**
 * The five parts of a branch's score, each normalised to 0–100 against a fixed yardstick (not against other
 * branches, so a branch's score never moves because another branch did something):
 * - completion: 完成率 as above;
 * - onTime: 按期完成率 as above;
 * - checkins: check-ins per member per week over the weeks shown, against CHECKINS_PER_MEMBER_WEEK_TARGET;
 * - study: study hours per member, against STUDY_HOURS_PER_MEMBER_TARGET;
 * - satisfaction: the mean rating as a share of the top rating (5 → 100, 4.5 → 90).
 * A part is null when there is nothing to judge yet (no milestones due, no ratings, no members).
 */
export function leagueParts(f: DashboardFigures): Record<LeaguePart, number | null> {
  const checkins = f.weeks.reduce((s, w) => s + w.count, 0)
  const rating = averageRating(f)
  return {
    completion: completionRate(f),
    onTime: onTimeRate(f),
    checkins:
      f.members > 0 && f.weeks.length > 0
        ? capped((checkins / f.members / f.weeks.length / CHECKINS_PER_MEMBER_WEEK_TARGET) * 100)
        : null,
    study:
      f.members > 0
        ? capped((f.studySeconds / 3600 / f.members / STUDY_HOURS_PER_MEMBER_TARGET) * 100)
        : null,
    satisfaction: rating === null ? null : capped((rating / 5) * 100),
  }
}

/** Points each part contributes (its value × its weight ÷ 100; a part without data contributes 0). */
export const leaguePoints = (parts: Record<LeaguePart, number | null>): Record<LeaguePart, number> =>
  Object.fromEntries(
    LEAGUE_PARTS.map((k) => [k, round1(((parts[k] ?? 0) * LEAGUE_WEIGHTS[k]) / 100)]),
  ) as Record<LeaguePart, number>

/** The league score, 0–100: the weighted sum of the parts, one decimal. */
export const leagueScore = (parts: Record<LeaguePart, number | null>): number =>
  round1(LEAGUE_PARTS.reduce((s, k) => s + ((parts[k] ?? 0) * LEAGUE_WEIGHTS[k]) / 100, 0))

/**
 * Ranks by score, best first: equal scores share a rank and the next rank skips (1, 2, 2, 4). Ties are listed
 * in `order` (the organisation's order of branches).
 */
export function rankByScore<T extends { score: number; order: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.order - b.order)
  let rank = 0
  return sorted.map((r, i) => {
    if (i === 0 || r.score !== sorted[i - 1].score) rank = i + 1
    return { ...r, rank }
  })
}

// ---------------------------------------------------------------------------------------------------------
// The roll-up: every dashboard document, recomputed from counters and the project records

export interface RollupProject {
  _id: string
  title: string
  branchId: string
  branchName: string
  year: number
  category: ProjectCategory
  status: ProjectStatus
  rating: { count: number; sum: number }
}

export type RollupMilestone = Pick<
  Milestone,
  '_id' | 'projectId' | 'title' | 'weight' | 'ownerId' | 'deadline' | 'status' | 'decidedAt'
>

/** What the roll-up reads. Check-ins arrive only as their counters, never one by one. */
export interface RollupInput {
  /** YYYY-MM-DD (China). */
  today: string
  branches: { _id: string; name: string; order: number }[]
  people: { _id: string; name: string; branchId: string | null }[]
  projects: RollupProject[]
  milestones: RollupMilestone[]
  /** project_week counters (the weeks shown of each year). */
  weekCounts: { projectId: string; week: string; count: number }[]
  /** member_month counters (the reference month of each year). */
  monthCounts: { projectId: string; personId: string; month: string; count: number }[]
  /** Study seconds by member and by branch (micro-lecture totals). */
  memberStudy: Map<string, number>
  branchStudy: Map<string, number>
}

export interface RollupOutput {
  rollups: DashboardRollup[]
  overdue: DashboardOverdueRow[]
}

/** A short, stable digest of a document's content (FNV-1a, two lanes): unchanged documents are not rewritten. */
export function digestOf(value: unknown): string {
  const text = JSON.stringify(value)
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0
  }
  return a.toString(36) + b.toString(36)
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

interface Scope {
  projects: RollupProject[]
  members: number
  studySeconds: number
}

/** Indexes of the input, built once per roll-up. */
interface Lookups {
  today: string
  milestones: Map<string, RollupMilestone[]>
  weeks: Map<string, Map<string, number>>
  months: Map<string, { personId: string; month: string; count: number }[]>
  names: Map<string, string>
}

function figuresOf(scope: Scope, weeks: string[], month: string, at: Lookups): DashboardFigures {
  const byStatus = zeroes(PROJECT_STATUSES)
  const byCategory = zeroes(PROJECT_CATEGORIES)
  let doneWeight = 0
  let totalWeight = 0
  let onTime = 0
  let considered = 0
  let overdue = 0
  let ratingCount = 0
  let ratingSum = 0
  const weekly = new Map(weeks.map((w) => [w, 0]))
  const active = new Set<string>()
  for (const p of scope.projects) {
    byStatus[p.status] += 1
    byCategory[p.category] += 1
    ratingCount += p.rating.count
    ratingSum += p.rating.sum
    const counted = COUNTED_STATUSES.includes(p.status)
    for (const m of at.milestones.get(p._id) ?? []) {
      if (isOverdue(m, p.status, at.today)) overdue += 1
      if (!counted) continue
      const weight = Math.max(0, m.weight)
      const approved = m.status === 'approved'
      totalWeight += weight
      if (approved) doneWeight += weight
      if (m.deadline === null) continue
      const deadline = formatDay(m.deadline)
      if (approved || deadline < at.today) considered += 1
      if (approved && m.decidedAt && chinaDay(new Date(m.decidedAt)) <= deadline) onTime += 1
    }
    const counts = at.weeks.get(p._id)
    if (counts) for (const w of weeks) weekly.set(w, (weekly.get(w) ?? 0) + (counts.get(w) ?? 0))
    for (const c of at.months.get(p._id) ?? []) if (c.month === month && c.count > 0) active.add(c.personId)
  }
  return {
    projects: scope.projects.length,
    byStatus,
    byCategory,
    doneWeight,
    totalWeight,
    onTime,
    considered,
    overdue,
    weeks: weeks.map((week) => ({ week, count: weekly.get(week) ?? 0 })),
    activeMembers: active.size,
    month,
    members: scope.members,
    studySeconds: scope.studySeconds,
    ratingCount,
    ratingSum,
  }
}

function overdueOf(projects: RollupProject[], at: Lookups): OverdueMilestone[] {
  const out: OverdueMilestone[] = []
  for (const p of projects) {
    for (const m of at.milestones.get(p._id) ?? []) {
      if (!isOverdue(m, p.status, at.today) || m.deadline === null) continue
      out.push({
        milestoneId: m._id,
        title: m.title,
        projectId: p._id,
        projectTitle: p.title,
        branchId: p.branchId,
        branchName: p.branchName,
        ownerId: m.ownerId,
        ownerName: at.names.get(m.ownerId) ?? '',
        deadline: formatDay(m.deadline),
        status: m.status,
      })
    }
  }
  return out.sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.milestoneId.localeCompare(b.milestoneId),
  )
}

function participationOf(
  members: RollupInput['people'],
  projects: RollupProject[],
  month: string,
  at: Lookups,
  memberStudy: Map<string, number>,
): MemberParticipation[] {
  const rows = new Map<string, MemberParticipation>(
    members.map((p) => [
      p._id,
      {
        personId: p._id,
        name: p.name,
        checkinsThisMonth: 0,
        studySeconds: memberStudy.get(p._id) ?? 0,
        milestonesOwned: 0,
        milestonesApproved: 0,
      },
    ]),
  )
  for (const p of projects) {
    for (const c of at.months.get(p._id) ?? []) {
      const row = rows.get(c.personId)
      if (row && c.month === month) row.checkinsThisMonth += c.count
    }
    for (const m of at.milestones.get(p._id) ?? []) {
      const row = rows.get(m.ownerId)
      if (!row) continue
      row.milestonesOwned += 1
      if (m.status === 'approved') row.milestonesApproved += 1
    }
  }
  // In name order whatever order the people were read in (imported people come after the rest on disk).
  return [...rows.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.personId.localeCompare(b.personId),
  )
}

/**
 * Every dashboard document for every year shown and every category filter (all, and each category a year has):
 * one for the company and one per branch (every branch under "all"; under a category, the branches with a
 * project in it), ranked into the league; and one overdue row per overdue milestone and key. Pure: the same
 * input gives the same documents, which is what the counter check compares against.
 */
export function rollUpDashboards(input: RollupInput): RollupOutput {
  const at: Lookups = {
    today: input.today,
    milestones: groupBy(input.milestones, (m) => m.projectId),
    weeks: new Map(),
    months: groupBy(input.monthCounts, (c) => c.projectId),
    names: new Map(input.people.map((p) => [p._id, p.name])),
  }
  for (const c of input.weekCounts) {
    const byWeek = at.weeks.get(c.projectId) ?? new Map<string, number>()
    byWeek.set(c.week, (byWeek.get(c.week) ?? 0) + c.count)
    at.weeks.set(c.projectId, byWeek)
  }
  const membersOf = groupBy(
    input.people.filter((p) => p.branchId !== null),
    (p) => p.branchId as string,
  )
  const branchStudy = (id: string) => input.branchStudy.get(id) ?? 0
  const companyScope = {
    members: input.people.filter((p) => p.branchId !== null).length,
    studySeconds: input.branches.reduce((s, b) => s + branchStudy(b._id), 0),
  }
  const rollups: DashboardRollup[] = []
  const overdue: DashboardOverdueRow[] = []
  const withDigest = <T extends object>(doc: T): T & { digest: string } => ({ ...doc, digest: digestOf(doc) })

  for (const year of dashboardYears(input.today)) {
    const ofYear = input.projects.filter((p) => p.year === year)
    if (ofYear.length === 0) continue
    const ref = referenceDay(year, input.today)
    const weeks = weeksEnding(ref)
    const month = monthOf(ref)
    const categories: CategoryKey[] = [
      'all',
      ...PROJECT_CATEGORIES.filter((c) => ofYear.some((p) => p.category === c)),
    ]
    for (const category of categories) {
      const key = rollupKey(year, category)
      const projects = category === 'all' ? ofYear : ofYear.filter((p) => p.category === category)
      const late = overdueOf(projects, at)
      const byBranch = groupBy(projects, (p) => p.branchId)
      const branches = input.branches.filter((b) => category === 'all' || byBranch.has(b._id))
      rollups.push(
        withDigest({
          _id: rollupId(key, null),
          key,
          kind: 'company' as const,
          branchId: null,
          branchName: '',
          year,
          category,
          figures: figuresOf({ projects, ...companyScope }, weeks, month, at),
          overdueTop: late.slice(0, OVERDUE_TOP),
          score: null,
          parts: null,
          rank: null,
          position: null,
          competitors: branches.length,
          participation: [],
        }),
      )
      for (const m of late) {
        const { deadline, ...rest } = m
        overdue.push(
          withDigest({
            _id: overdueRowId(key, m.milestoneId),
            key,
            ...rest,
            deadline: new Date(`${deadline}T00:00:00Z`),
          }),
        )
      }
      const scored = branches.map((b) => {
        const own = byBranch.get(b._id) ?? []
        const members = membersOf.get(b._id) ?? []
        const figures = figuresOf(
          { projects: own, members: members.length, studySeconds: branchStudy(b._id) },
          weeks,
          month,
          at,
        )
        const parts = leagueParts(figures)
        return {
          branch: b,
          order: b.order,
          figures,
          parts,
          score: leagueScore(parts),
          late: overdueOf(own, at),
          participation: participationOf(members, own, month, at, input.memberStudy),
        }
      })
      for (const [i, r] of rankByScore(scored).entries()) {
        rollups.push(
          withDigest({
            _id: rollupId(key, r.branch._id),
            key,
            kind: 'branch' as const,
            branchId: r.branch._id,
            branchName: r.branch.name,
            year,
            category,
            figures: r.figures,
            overdueTop: r.late.slice(0, OVERDUE_TOP),
            score: r.score,
            parts: r.parts,
            rank: r.rank,
            position: i + 1,
            competitors: branches.length,
            participation: r.participation,
          }),
        )
      }
    }
  }
  return { rollups, overdue }
}
