import { CronExpressionParser } from 'cron-parser'
import { chinaYear } from '../domain/time'
import type { LoadedFunction } from './functions'

/** WeChat timer triggers fire on Beijing time. */
const TZ = 'Asia/Shanghai'

function yearMatches(field: string, year: number): boolean {
  if (field === '*') return true
  return field.split(',').some((part) => {
    const [a, b] = part.split('-').map(Number)
    return b === undefined ? year === a : year >= a && year <= b
  })
}

/**
 * Next firing time of a WeChat 7-field cron (second minute hour day month weekday year) strictly after
 * `from`, or null if it never fires again (or within a few years).
 */
export function nextFire(cron: string, from: Date): Date | null {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`定时触发器需要 7 个字段：${cron}`)
  const yearField = fields[6]
  if (!/^(\*|\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*)$/.test(yearField))
    throw new Error(`年份字段无效：${yearField}`)
  const expr = CronExpressionParser.parse(fields.slice(0, 6).join(' '), { currentDate: from, tz: TZ })
  for (let i = 0; i < 10_000; i++) {
    const next = expr.next().toDate()
    if (chinaYear(next) > chinaYear(from) + 5) return null
    if (yearMatches(yearField, chinaYear(next))) return next
  }
  return null
}

export type TimerInvoke = (fn: LoadedFunction, triggerName: string, at: Date) => Promise<void>

/** Fires every function's timer triggers on schedule; returns a stop function. */
export function startTimers(functions: Iterable<LoadedFunction>, invoke: TimerInvoke): () => void {
  const handles = new Set<NodeJS.Timeout>()
  let stopped = false
  const schedule = (fn: LoadedFunction, name: string, cron: string) => {
    const at = nextFire(cron, new Date())
    if (!at || stopped) return
    // Long waits are chained so a far-off trigger never overflows setTimeout's 24.8-day limit.
    const wait = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1)
    const handle = setTimeout(() => {
      handles.delete(handle)
      if (Date.now() + 5 < at.getTime()) return schedule(fn, name, cron)
      void invoke(fn, name, at).finally(() => schedule(fn, name, cron))
    }, wait)
    handle.unref()
    handles.add(handle)
  }
  for (const fn of functions) {
    for (const t of fn.config.triggers ?? []) if (t.type === 'timer') schedule(fn, t.name, t.config)
  }
  return () => {
    stopped = true
    for (const h of handles) clearTimeout(h)
    handles.clear()
  }
}
