import type { Milestone, ProjectStatus } from '../types/entities'
import type { CategoryKey, DashboardFigures, DashboardLeague, LeaguePart } from '../types/entities-dashboard'
import { LEAGUE_PARTS } from '../types/entities-dashboard'
import { weekOf } from './checkin-counts'
import { daysOverdue, isOverdue } from './milestones'

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
/** The key's league document (DashboardLeague). */
export const leagueId = (key: string): string => `league:${key}`
/** A branch's place in a key's league (null: not in it), and how many compete. */
export function placeInLeague(
  league: Pick<DashboardLeague, 'branchIds' | 'ranks'> | null | undefined,
  branchId: string,
): { rank: number; position: number } | null {
  const i = league ? league.branchIds.indexOf(branchId) : -1
  return league && i >= 0 ? { rank: league.ranks[i], position: i + 1 } : null
}
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

/** What the dashboard counts as overdue: an overdue milestone (domain/milestones) of a project still being implemented. */
export const countsOverdue = (
  m: Pick<Milestone, 'status' | 'deadline'>,
  projectStatus: ProjectStatus,
  today: string,
): boolean => OVERDUE_STATUSES.includes(projectStatus) && isOverdue(m, today)

export { daysOverdue }

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
