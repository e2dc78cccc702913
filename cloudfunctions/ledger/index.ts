import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { exportLedger } from './actions/export'
import { preview } from './actions/preview'
import { cleanupExpired } from './retention'

/** The `cleanup` timer deletes expired exports. Only the trigger (SOURCE `wx_trigger`) starts one. */
const cleanup = async () => {
  const summary = await cleanupExpired(now())
  logEvent('info', 'ledger_exports_cleaned', { ...summary })
  return summary
}

/**
 * `ledger`: 管理台账 export to .xlsx, and the timer that deletes exports once they expire. Its own function
 * because the spreadsheet library is large: only an export pays for loading it, and only this function has the
 * longer timeout an export needs.
 */
export const main = createMain(
  'ledger',
  { preview, export: exportLedger },
  { roundTrips: ROUND_TRIPS, timer: { name: 'cleanup', run: cleanup } },
)
