import type { Result } from '../../types/result'
import { isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { runTimer } from '../_shared/timer-run'
import { branch } from './actions/branch'
import { committee } from './actions/committee'
import { league } from './actions/league'
import { overdue } from './actions/overdue'
import { refresh } from './actions/refresh'
import { rollUp } from './rollup'

const actions = createMain(
  'dashboard',
  { committee, branch, overdue, league, refresh },
  { roundTrips: ROUND_TRIPS },
)

/** The timer's roll-up: only the trigger starts one, never a client. */
const timer = () =>
  runTimer('dashboard', 'rollup', async () => {
    const summary = await rollUp(now())
    logEvent('info', 'dashboard_rolled_up', {
      ...summary,
      changed: summary.changed.join(','),
      shards: summary.shards.map((s) => `${s.shard}:${s.ms}ms`).join(','),
    })
    return summary
  })

/** `dashboard`: 党委看板 and 支部看板, the lists behind their figures, and the timer-triggered roll-up. */
export async function main(event: unknown): Promise<Result<unknown>> {
  return isTimerCall(event) ? timer() : actions(event)
}
