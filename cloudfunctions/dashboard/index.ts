import { fail, ok } from '../../types/result'
import type { Result } from '../../types/result'
import { isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { branch } from './actions/branch'
import { committee } from './actions/committee'
import { league } from './actions/league'
import { overdue } from './actions/overdue'
import { rollUp } from './rollup'
import type { RollupSummary } from './rollup'

const actions = createMain('dashboard', { committee, branch, overdue, league })

/** The timer's roll-up: only the trigger starts one, never a client. */
async function timer(): Promise<Result<RollupSummary>> {
  try {
    const summary = await rollUp(now())
    logEvent('info', 'dashboard_rolled_up', { ...summary })
    return ok(summary)
  } catch (err) {
    logEvent('error', 'function_failed', {
      fn: 'dashboard',
      action: 'rollup',
      error: err instanceof Error ? err.name : 'unknown',
      detail: err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : null,
    })
    return fail('INTERNAL', '服务暂时不可用，请稍后再试')
  }
}

/** `dashboard`: 党委看板 and 支部看板, the lists behind their figures, and the timer-triggered roll-up. */
export async function main(event: unknown): Promise<Result<unknown>> {
  return isTimerCall(event) ? timer() : actions(event)
}
