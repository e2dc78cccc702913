import { fail, ok } from '../../types/result'
import type { Result } from '../../types/result'
import { logEvent } from './log'

/** Runs a timer's work: its summary as `ok`, or a logged `INTERNAL` (no stack reaches the answer). */
export async function runTimer<T>(fn: string, action: string, work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (err) {
    logEvent('error', 'function_failed', {
      fn,
      action,
      error: err instanceof Error ? err.name : 'unknown',
      detail: err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : null,
    })
    return fail('INTERNAL', '服务暂时不可用，请稍后再试')
  }
}
