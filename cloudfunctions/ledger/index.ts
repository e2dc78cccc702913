import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { exportLedger } from './actions/export'
import { job, runJob as runJobAction } from './actions/job'
import { preview } from './actions/preview'
import { cleanupExpired, madeBeforeExpiry } from './retention'
import { removeOldJobs, runJob } from './jobs'
import type { LedgerJobDoc } from './jobs'
import { COLLECTIONS } from '../_shared/cloud'
import { nextStaleJob } from '../_shared/repositories/jobs'
import { getPerson } from '../_shared/repositories/people'

/** The `cleanup` timer deletes expired exports and their jobs. Only the trigger (SOURCE `wx_trigger`) starts one. */
const cleanup = async () => {
  const at = now()
  const summary = await cleanupExpired(at)
  const jobs = await removeOldJobs(madeBeforeExpiry(at))
  logEvent('info', 'ledger_exports_cleaned', { ...summary, jobs })
  return { ...summary, jobs }
}

/**
 * The `jobs` timer, every minute: makes one large export whose page never ran it (closed before it could) or
 * whose run was stopped at its timeout, so that a job once answered is always finished or failed with a reason.
 */
const jobsTimer = async () => {
  const at = now()
  const stale = await nextStaleJob<LedgerJobDoc>(COLLECTIONS.ledgerJobs, at)
  if (!stale) return { ran: null }
  const owner = await getPerson(stale.ownerId)
  const view = await runJob(stale, owner, at)
  logEvent('info', 'ledger_job_timer', { jobId: stale._id, status: view.status })
  return { ran: stale._id, status: view.status }
}

/**
 * `ledger`: 管理台账 export to .xlsx, large ones as jobs, and the timers that finish jobs and delete exports
 * once they expire. Its own function because the spreadsheet library is large: only an export pays for loading
 * it, and only this function has the longer timeout an export needs.
 */
export const main = createMain(
  'ledger',
  { preview, export: exportLedger, job, runJob: runJobAction },
  { roundTrips: ROUND_TRIPS, timers: { cleanup, jobs: jobsTimer } },
)
