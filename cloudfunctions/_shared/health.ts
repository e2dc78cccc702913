import { fail, ok } from '../../types/result'
import type { Result } from '../../types/result'
import { cloud, COLLECTIONS, db } from './cloud'
import type { CallContext } from './call-source'
import { now } from './clock'

/** What `{action: 'health'}` answers: the function is deployed, runs, and reaches the database. */
export interface HealthReport {
  fn: string
  db: 'ok'
  /** The database round trip, in ms. */
  ms: number
  at: string
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A health check from outside the app (`npm run verify:live` through `tcb fn invoke`, SOURCE `scf`). The app's
 * callers (SOURCE `wx_client`, also when passed on as `wx_client,scf`, or any call carrying a user) never get
 * one: to them `health` is an unknown action like any other.
 */
export function isHealthCall(
  event: unknown,
  ctx: CallContext = cloud.getWXContext() as CallContext,
): boolean {
  if (!isRecord(event) || event.action !== 'health') return false
  const fromApp = (ctx.SOURCE ?? '').split(',').some((s) => s.trim() === 'wx_client')
  return !fromApp && !ctx.OPENID && !ctx.FROM_OPENID
}

/** One cheap read by _id: proves the function's environment and database answer. */
export async function health(fn: string): Promise<Result<HealthReport>> {
  const started = Date.now()
  try {
    await db.collection(COLLECTIONS.people).where({ _id: '_health' }).count()
  } catch (err) {
    const code = (err as { errCode?: unknown } | null)?.errCode
    return fail('INTERNAL', `云函数 ${fn} 连不上数据库（${String(code ?? 'unknown')}）`)
  }
  return ok({ fn, db: 'ok', ms: Date.now() - started, at: now().toISOString() } satisfies HealthReport)
}
