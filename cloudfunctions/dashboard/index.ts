import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { branch } from './actions/branch'
import { committee } from './actions/committee'
import { league } from './actions/league'
import { overdue } from './actions/overdue'
import { refresh } from './actions/refresh'
import { rollUp } from './rollup'

/** The timer's roll-up: only the trigger starts one, never a client. */
const rollUpNow = async () => {
  const summary = await rollUp(now())
  logEvent('info', 'dashboard_rolled_up', {
    ...summary,
    changed: summary.changed.join(','),
    shards: summary.shards.map((s) => `${s.shard}:${s.ms}ms`).join(','),
  })
  return summary
}

/** `dashboard`: 党委看板 and 支部看板, the lists behind their figures, and the timer-triggered roll-up. */
export const main = createMain(
  'dashboard',
  { committee, branch, overdue, league, refresh },
  { roundTrips: ROUND_TRIPS, timer: { name: 'rollup', run: rollUpNow } },
)
