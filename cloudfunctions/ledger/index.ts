import type { Result } from '../../types/result'
import { isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { runTimer } from '../_shared/timer-run'
import { exportLedger } from './actions/export'
import { preview } from './actions/preview'
import { cleanupExpired } from './retention'

const actions = createMain('ledger', { preview, export: exportLedger }, { roundTrips: ROUND_TRIPS })

/** The `cleanup` timer deletes expired exports. Only the trigger (SOURCE `wx_trigger`) starts one. */
const cleanup = () =>
  runTimer('ledger', 'cleanup', async () => {
    const summary = await cleanupExpired(now())
    logEvent('info', 'ledger_exports_cleaned', { ...summary })
    return summary
  })

/**
 * `ledger`: 管理台账 export to .xlsx, and the timer that deletes exports once they expire. Its own function
 * because the spreadsheet library is large: only an export pays for loading it, and only this function has the
 * longer timeout an export needs.
 */
export async function main(event: unknown): Promise<Result<unknown>> {
  return isTimerCall(event) ? cleanup() : actions(event)
}
