import type { DB } from 'wx-server-sdk'
import {
  JOB_ABANDONED,
  JOB_LEASE_MS,
  JOB_PROGRESS_EVERY,
  canReuseJob,
  canTakeJob,
  isJobAbandoned,
} from '../../domain/ledger-jobs'
import type { Person } from '../../types/entities'
import type { LedgerFile, LedgerJobStatus, LedgerJobView, LedgerScope } from '../../types/functions/ledger'
import { COLLECTIONS, _, db } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { storeJob, updateJobIf } from '../_shared/repositories/jobs'
import { getById } from '../_shared/repositories/query'
import { logEvent } from '../_shared/log'
import { buildLedgerFile, linkTo } from './build'
import { isFail, resolveLedger } from './scope'
import type { ResolvedLedger } from './scope'

/** A large export, made in a function run of its own (domain/ledger-jobs.ts), as stored in `ledger_jobs`. */
export interface LedgerJobDoc {
  _id: string
  ownerId: string
  scope: LedgerScope
  /** One key per ledger, so that a second 导出 of the same ledger finds the job already under way. */
  scopeKey: string
  title: string
  fileName: string
  total: number
  done: number
  phase: 'reading' | 'writing' | null
  status: LedgerJobStatus
  /** Until when the run that took it holds it; a waiting job is left to its page's run until then. */
  leaseUntil: Date | null
  attempts: number
  fileID: string | null
  error: string | null
  createdAt: Date
  updatedAt: Date
}

const jobs = () => db.collection(COLLECTIONS.ledgerJobs)

export const scopeKeyOf = (scope: LedgerScope): string =>
  'projectId' in scope ? `p:${scope.projectId}` : `b:${scope.branchId}:${scope.year}`

export function jobView(job: LedgerJobDoc, file: LedgerFile | null = null): LedgerJobView {
  return {
    jobId: job._id,
    status: job.status,
    title: job.title,
    fileName: job.fileName,
    total: job.total,
    done: job.done,
    phase: job.phase,
    file,
    error: job.error,
  }
}

export const getJob = (jobId: string): Promise<LedgerJobDoc | null> =>
  getById<LedgerJobDoc>(COLLECTIONS.ledgerJobs, jobId)

/**
 * The job for this ledger: the caller's own one still under way or just made (so that leaving the page and
 * tapping 导出 again finds it), or a new one waiting for its run. Two round trips, and only for a ledger too
 * large for one call.
 */
export async function openJob(
  ledger: ResolvedLedger,
  scope: LedgerScope,
  caller: Pick<Person, '_id'>,
  total: number,
  now: Date,
): Promise<LedgerJobDoc> {
  const scopeKey = scopeKeyOf(scope)
  const open = (await jobs()
    .where({ ownerId: caller._id, scopeKey, status: _.in(['queued', 'running', 'ready']) })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get()) as DB.IQueryResult
  const found = open.data[0] as LedgerJobDoc | undefined
  if (found && canReuseJob(found, now)) return found
  const job: LedgerJobDoc = {
    _id: newId('lj'),
    ownerId: caller._id,
    scope,
    scopeKey,
    title: ledger.title,
    fileName: ledger.fileName,
    total,
    done: 0,
    phase: null,
    status: 'queued',
    // The page starts its run at once; the timer takes the job up only if that run never comes.
    leaseUntil: new Date(now.getTime() + JOB_LEASE_MS),
    attempts: 0,
    fileID: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  }
  return storeJob(COLLECTIONS.ledgerJobs, job)
}

/** Writes to the job only while this attempt holds it: a run that lost it (stopped, then retried) writes nothing. */
const patch = (job: LedgerJobDoc, attempt: number, data: Partial<LedgerJobDoc>): Promise<boolean> =>
  updateJobIf(COLLECTIONS.ledgerJobs, { _id: job._id, attempts: attempt }, data)

/**
 * Runs the job if nobody else is: takes it (a conditional update, so two runs never both make it), re-checks
 * that its owner may still export the ledger, makes the workbook while writing down how far it has got, and
 * stores the outcome. Answers the job as it now stands. A job whose owner is gone fails with that reason.
 */
export async function runJob(job: LedgerJobDoc, owner: Person | null, now: Date): Promise<LedgerJobView> {
  if (isJobAbandoned(job, now)) {
    await patch(job, job.attempts, { status: 'failed', error: JOB_ABANDONED, leaseUntil: null })
    return jobView({ ...job, status: 'failed', error: JOB_ABANDONED })
  }
  if (!canTakeJob(job, now)) return ownJobView(job, now)
  const attempt = job.attempts + 1
  const taken = await updateJobIf(
    COLLECTIONS.ledgerJobs,
    { _id: job._id, status: job.status, attempts: job.attempts },
    {
      status: 'running',
      phase: 'reading',
      done: 0,
      attempts: attempt,
      leaseUntil: new Date(now.getTime() + JOB_LEASE_MS),
    },
    now,
  )
  if (!taken) {
    const current = await getJob(job._id)
    return ownJobView(current ?? job, now)
  }
  const running: LedgerJobDoc = { ...job, status: 'running', phase: 'reading', done: 0, attempts: attempt }
  const failed = async (error: string): Promise<LedgerJobView> => {
    await patch(running, attempt, { status: 'failed', error, leaseUntil: null })
    return jobView({ ...running, status: 'failed', error })
  }
  if (!owner) return failed('导出人已不在名单中')
  const ledger = await resolveLedger(job.scope, owner, now)
  if (isFail(ledger)) return failed(ledger.message)
  let reported = 0
  try {
    const file = await buildLedgerFile(ledger, owner, now, {
      read: async (rows) => {
        if (rows - reported < JOB_PROGRESS_EVERY) return
        reported = rows
        await patch(running, attempt, { done: rows })
      },
      written: (rows) => patch(running, attempt, { phase: 'writing', done: rows }).then(() => undefined),
    })
    if (isFail(file)) return await failed(file.message)
    await patch(running, attempt, {
      status: 'ready',
      phase: null,
      done: running.total,
      fileID: file.fileID,
      leaseUntil: null,
    })
    return jobView(
      { ...running, status: 'ready', phase: null, done: running.total, fileID: file.fileID },
      file,
    )
  } catch (err) {
    logEvent('error', 'ledger_job_failed', { jobId: job._id, error: (err as Error).message })
    return failed('台账生成出错，请稍后再试')
  }
}

/** The job as its owner sees it: a ready one with a fresh link (links last two hours, the file seven days). */
export async function ownJobView(job: LedgerJobDoc, now: Date): Promise<LedgerJobView> {
  if (isJobAbandoned(job, now)) return jobView({ ...job, status: 'failed', error: JOB_ABANDONED })
  if (job.status !== 'ready' || !job.fileID) return jobView(job)
  const url = await linkTo(job.fileID)
  return jobView(job, url ? { fileID: job.fileID, url, fileName: job.fileName } : null)
}

/** Jobs older than their files (EXPORT_TTL_DAYS): removed by the cleanup timer. */
export async function removeOldJobs(before: Date): Promise<number> {
  const res = (await jobs()
    .where({ createdAt: _.lt(before) })
    .remove()) as { stats: { removed: number } }
  return res.stats.removed
}
