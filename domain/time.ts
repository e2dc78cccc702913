/**
 * China time, the one clock of the app: every user lives in UTC+8 (China has no daylight saving), and the
 * server judges days, months, years and quiet hours by it wherever it runs. Nothing else writes the offset.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** UTC+8, in minutes. */
export const CHINA_UTC_OFFSET_MINUTES = 480

type Instant = Date | string | number

/** An instant on the China wall clock: its .year(), .hour(), .format() read Beijing time. */
export const chinaTime = (at: Instant): Dayjs => dayjs(at).utcOffset(CHINA_UTC_OFFSET_MINUTES)

/** The China calendar day (YYYY-MM-DD) an instant falls on: streaks and deadlines follow the members' own days. */
export const chinaDay = (at: Instant): string => chinaTime(at).format('YYYY-MM-DD')

/** The calendar year of an instant, in China. */
export const chinaYear = (at: Instant): number => chinaTime(at).year()

/** The China wall-clock time of an instant, HH:mm. */
export const chinaClockText = (at: Instant): string => chinaTime(at).format('HH:mm')

/** Minutes since midnight in China. */
export const chinaMinutes = (at: Instant): number => {
  const t = chinaTime(at)
  return t.hour() * 60 + t.minute()
}

/** The instant a China calendar day begins (month from 0, as Date.UTC counts; overflow rolls on). */
export const chinaMidnight = (year: number, month: number, day = 1): Date =>
  new Date(Date.UTC(year, month, day) - CHINA_UTC_OFFSET_MINUTES * 60_000)

/**
 * A Date whose UTC fields read the China wall clock, for writers that have no time zone (a spreadsheet cell
 * shows an instant as it was in China).
 */
export const chinaWallClock = (at: Instant): Date => chinaTime(at).utc(true).toDate()

/** The China calendar month an instant falls in, as YYYY-MM and the instants it starts and ends. */
export function chinaMonth(at: Instant): { month: string; start: Date; end: Date } {
  const t = chinaTime(at)
  return {
    month: t.format('YYYY-MM'),
    start: chinaMidnight(t.year(), t.month()),
    end: chinaMidnight(t.year(), t.month() + 1),
  }
}

/**
 * An instant as members read it, on the China clock the server judges days by: 今天 09:30, 昨天 18:05,
 * 3月5日 09:30, or 2025年12月1日 09:30 for another year.
 */
export function timeText(at: string, now: Date = new Date()): string {
  const t = chinaTime(at)
  const today = chinaTime(now)
  const clock = t.format('HH:mm')
  const day = t.format('YYYY-MM-DD')
  if (day === today.format('YYYY-MM-DD')) return `今天 ${clock}`
  if (day === today.subtract(1, 'day').format('YYYY-MM-DD')) return `昨天 ${clock}`
  return t.year() === today.year() ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日 HH:mm')
}

/** "2026年11月30日" for a China day. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** "2026年11月30日 15:01", China time. */
export function chineseTime(at: Date): string {
  return `${chineseDate(chinaDay(at))} ${chinaClockText(at)}`
}
