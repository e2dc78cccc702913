/** When reminders fall due and when pushes keep quiet: the sweep's rules, as reminder-config.json may set them. */
import { chinaMinutes } from './time'

/**
 * When reminders fall due. Days are China calendar days; a deadline is met by the end of its day. Each rule
 * looks back `lookbackDays` at most, so a sweep reads a bounded window and a reminder missed for longer (the
 * sweep was down) is dropped rather than sent late.
 */
export interface ReminderRules {
  /** A milestone due within this many days (0 = today) reminds its owner. */
  dueSoonDays: number
  /** A milestone this many days overdue is escalated to the branch secretary. */
  escalateAfterDays: number
  /** A milestone submission waiting this many hours reminds the approver. */
  approvalWaitHours: number
  /** A proposal or acceptance request waiting this many hours reminds the committee. */
  reviewWaitHours: number
  /** A required lecture due within this many days, not yet completed, reminds the member. */
  lectureDueDays: number
  lookbackDays: number
  /** China time, HH:MM; pushes wait until `end`. `start` after `end` spans midnight. */
  quietHours: { start: string; end: string }
  /** The weekly digest: on this weekday (1 = Monday … 7 = Sunday) from this hour, China time. */
  digest: { weekday: number; hour: number }
}

export const DEFAULT_RULES: ReminderRules = {
  dueSoonDays: 3,
  escalateAfterDays: 2,
  approvalWaitHours: 24,
  reviewWaitHours: 24,
  lectureDueDays: 3,
  lookbackDays: 7,
  quietHours: { start: '22:00', end: '07:00' },
  digest: { weekday: 1, hour: 9 },
}

/** Minutes since midnight of "HH:MM". */
export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** Whether `at` falls in the quiet hours (China time). Equal start and end means no quiet hours. */
export function inQuietHours(at: Date, quiet: ReminderRules['quietHours']): boolean {
  const start = parseClock(quiet.start)
  const end = parseClock(quiet.end)
  if (start === null || end === null || start === end) return false
  const minutes = chinaMinutes(at)
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end
}
