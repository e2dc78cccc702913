import { chinaDay } from './checkins'

const CHINA_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An instant as members read it, on the China clock the server judges days by: 今天 09:30, 昨天 18:05,
 * 3月5日 09:30, or 2025年12月1日 09:30 for another year.
 */
export function timeText(at: string, now: Date = new Date()): string {
  const instant = new Date(at)
  // Shifted so that the UTC getters read China wall-clock time.
  const wall = new Date(instant.getTime() + CHINA_OFFSET_MS)
  const clock = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  const day = chinaDay(instant)
  const today = chinaDay(now)
  if (day === today) return `今天 ${clock}`
  if (day === chinaDay(new Date(now.getTime() - DAY_MS))) return `昨天 ${clock}`
  const date = `${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日`
  return day.slice(0, 4) === today.slice(0, 4)
    ? `${date} ${clock}`
    : `${wall.getUTCFullYear()}年${date} ${clock}`
}
