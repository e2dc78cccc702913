import { fail } from '../../types/result'
import type { Fail } from '../../types/result'

/** Structured logs carry ids and codes only, never phone numbers or members' free text (PRODUCT.md, Privacy). */
export function logEvent(
  level: 'info' | 'error',
  event: string,
  fields: Record<string, string | number | boolean | null>,
) {
  const line = JSON.stringify({ level, event, ...fields, at: new Date().toISOString() })
  if (level === 'error') console.error(line)
  else console.log(line)
}

/** A run that threw: logged with its stack (for the console), answered as INTERNAL (no stack reaches the app). */
export function internalFailure(fn: string, action: string, err: unknown): Fail {
  logEvent('error', 'function_failed', {
    fn,
    action,
    error: err instanceof Error ? err.name : 'unknown',
    detail: err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : null,
  })
  return fail('INTERNAL', '服务暂时不可用，请稍后再试')
}
