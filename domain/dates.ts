import { chinaYear } from './time'

export { chinaYear }

/** How far ahead a milestone deadline may lie, in years after the year the project was created. */
export const DEADLINE_HORIZON_YEARS = 5

/**
 * A calendar day (YYYY-MM-DD) as stored: UTC midnight of that day, so formatting it back never shifts it.
 * Null for anything that is not a real day (2026-02-30).
 */
export function parseDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
  return real ? date : null
}

/** The stored day back as YYYY-MM-DD. */
export const formatDay = (date: Date): string => new Date(date).toISOString().slice(0, 10)

export type DeadlineCheck = { ok: true; date: Date } | { ok: false; message: string }

/** A deadline must be a real day from the start of the project's first year up to five years on. */
export function checkDeadline(day: string, projectCreatedAt: Date): DeadlineCheck {
  const date = parseDay(day)
  if (!date) return { ok: false, message: '不是有效的日期' }
  const first = chinaYear(new Date(projectCreatedAt))
  const last = first + DEADLINE_HORIZON_YEARS
  const year = date.getUTCFullYear()
  if (year < first || year > last) return { ok: false, message: `时限要求应在 ${first} 年至 ${last} 年之间` }
  return { ok: true, date }
}
