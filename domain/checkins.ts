import type { CheckinStats, DueState } from '../types/entities'

export type { CheckinStats, DueState }

const DAY_MS = 24 * 3600 * 1000
/** Streaks follow the members' own days: the China calendar day (domain/time), re-exported for its many readers. */
export { chinaDay } from './time'

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)

export const EMPTY_STATS: CheckinStats = { total: 0, streak: 0, longestStreak: 0, lastDay: null }

/** The figures after one more check-in on `day`. A late (back-dated) record counts but never breaks a streak. */
export function addCheckin(stats: CheckinStats, day: string): CheckinStats {
  const total = stats.total + 1
  const kept = stats.withdrawn ? { withdrawn: stats.withdrawn } : {}
  if (stats.lastDay === null)
    return { total, streak: 1, longestStreak: Math.max(1, stats.longestStreak), lastDay: day, ...kept }
  const gap = dayNumber(day) - dayNumber(stats.lastDay)
  if (gap <= 0) return { ...stats, total }
  const streak = gap === 1 ? stats.streak + 1 : 1
  return { total, streak, longestStreak: Math.max(stats.longestStreak, streak), lastDay: day, ...kept }
}

/** The figures after one more check-in that its author has withdrawn: numbered, but counted nowhere. */
export const addWithdrawn = (stats: CheckinStats): CheckinStats => ({
  ...stats,
  total: stats.total + 1,
  withdrawn: (stats.withdrawn ?? 0) + 1,
})

/** How many check-ins the figures count: those numbered, less those withdrawn. */
export const countedTotal = (stats: CheckinStats): number => stats.total - (stats.withdrawn ?? 0)

/** The streak as of `today`: still alive if the last check-in was today or yesterday, else 0. */
export function currentStreak(stats: CheckinStats, today: string): number {
  if (stats.lastDay === null) return 0
  return dayNumber(today) - dayNumber(stats.lastDay) <= 1 ? stats.streak : 0
}

/** Where a deadline stands for someone looking at it on `today` (days are China calendar days). */
export function dueState(deadline: string | null, done: boolean, today: string, soonDays = 3): DueState {
  if (done) return 'done'
  if (!deadline) return 'no_deadline'
  const left = dayNumber(deadline) - dayNumber(today)
  if (left < 0) return 'overdue'
  return left <= soonDays ? 'due_soon' : 'normal'
}

/** What is due first comes first; finished and undated items go last. */
export function byDue<T extends { deadline: string | null; done: boolean }>(a: T, b: T): number {
  const rank = (x: T) => (x.done ? 2 : x.deadline ? 0 : 1)
  return rank(a) - rank(b) || (a.deadline ?? '').localeCompare(b.deadline ?? '')
}

/** How far ahead of the server's clock a phone's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000
/** How many days back a member may record work they forgot to check in. */
export const BACKDATE_DAYS = 30

/** Why a check-in may not say it happened at `at`, or null when it may. */
export function checkinTimeProblem(at: Date, now: Date): string | null {
  if (Number.isNaN(at.getTime())) return '打卡时间无效'
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return '打卡时间不能晚于现在'
  if (at.getTime() < now.getTime() - BACKDATE_DAYS * DAY_MS) return `只能补记 ${BACKDATE_DAYS} 天内的打卡`
  return null
}
