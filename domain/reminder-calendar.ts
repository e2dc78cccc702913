/** The sweep's calendar: China days as numbers, ISO weeks, when the digest is due and which windows a sweep reads. */
import { chinaDay, chinaMinutes } from './time'
import { inQuietHours } from './reminder-rules'
import type { ReminderRules } from './reminder-rules'

export const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

export const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
/** A China day as stored (UTC midnight), `days` later. */
export const storedDay = (day: string, days = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)

/** 1 = Monday … 7 = Sunday, of a China day. */
const weekdayOf = (day: string) => ((storedDay(day).getUTCDay() + 6) % 7) + 1

/** The ISO week a China day belongs to, e.g. '2026-W23' (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(day: string): string {
  const thursday = storedDay(day, 4 - weekdayOf(day))
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The week whose digest is due at `now` (its weekday, from its hour, China time), or null. */
export function digestPeriod(now: Date, rules: ReminderRules): string | null {
  const today = chinaDay(now)
  if (weekdayOf(today) !== rules.digest.weekday) return null
  if (chinaMinutes(now) < rules.digest.hour * 60) return null
  return isoWeek(today)
}

/** Half-open ranges [from, to) that a sweep reads: the planner never plans anything outside them. */
export interface SweepWindows {
  /** YYYY-MM-DD, China. */
  today: string
  /** Milestone deadlines (stored days): due soon, recently overdue, and due for escalation. */
  milestoneDeadlines: { from: Date; to: Date }
  /** Milestone submissions waiting long enough for a reminder. */
  submittedAt: { from: Date; to: Date }
  /** Proposals and acceptance requests (the project's `updatedAt`) waiting long enough. */
  reviewSince: { from: Date; to: Date }
  /** Required lectures' deadlines (stored days). */
  lectureDeadlines: { from: Date; to: Date }
  /** Open rectifications' deadlines (stored days): due soon, and overdue for escalation. */
  rectificationDeadlines: { from: Date; to: Date }
  /** Lectures published lately (their listings' `publishedAt`). */
  lecturesPublished: { from: Date; to: Date }
  /** The week whose digest is due now, or null. */
  digest: string | null
  quiet: boolean
}

export function sweepWindows(now: Date, rules: ReminderRules): SweepWindows {
  const today = chinaDay(now)
  const look = rules.lookbackDays
  const waited = (hours: number) => ({
    from: new Date(now.getTime() - hours * HOUR_MS - look * DAY_MS),
    to: new Date(now.getTime() - hours * HOUR_MS + 1),
  })
  return {
    today,
    milestoneDeadlines: {
      from: storedDay(today, -Math.max(look, rules.escalateAfterDays + look)),
      to: storedDay(today, rules.dueSoonDays + 1),
    },
    submittedAt: waited(rules.approvalWaitHours),
    reviewSince: waited(rules.reviewWaitHours),
    lectureDeadlines: { from: storedDay(today, -look), to: storedDay(today, rules.lectureDueDays + 1) },
    rectificationDeadlines: { from: storedDay(today, -look), to: storedDay(today, rules.dueSoonDays + 1) },
    lecturesPublished: { from: new Date(now.getTime() - look * DAY_MS), to: new Date(now.getTime() + 1) },
    digest: digestPeriod(now, rules),
    quiet: inQuietHours(now, rules.quietHours),
  }
}

/** The latest deadline (YYYY-MM-DD) that is escalated to the secretary on `today`: the sweep needs leaders then. */
export const latestEscalatedDeadline = (today: string, rules: ReminderRules): string =>
  storedDay(today, -rules.escalateAfterDays).toISOString().slice(0, 10)
