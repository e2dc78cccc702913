import { ok } from '../../types/result'
import type { Result } from '../../types/result'
import { internalFailure } from './log'

/** Runs a timer's work: its summary as `ok`, or a logged `INTERNAL` (no stack reaches the answer). */
export async function runTimer<T>(fn: string, action: string, work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (err) {
    return internalFailure(fn, action, err)
  }
}
