import type { LedgerExport, LedgerJobStatus, LedgerJobView } from '../types/functions/ledger'

/**
 * When a 管理台账 export is made in the call that asks for it, and when it becomes a job of its own.
 *
 * The ledger function runs at most 60 s (CloudBase's limit); a call from the app should answer well inside 20.
 * What grows is the check-in sheet (打卡写实): the rest of a ledger is a few hundred rows. Measured with
 * `npm run bench ledger` under the `cloud` profile on a loaded 2-core machine (load average 15): a branch's year
 * of 5,000 check-ins exports in 1.6 s, one of 50,000 in 12.8 s and one of 60,000 in 17.1 s, so:
 * - up to INLINE_MAX_CHECKINS the export answers with the file;
 * - above it, up to JOB_MAX_CHECKINS, it becomes a job: its own 60 s run, saying how far it has got;
 * - above that even a job would not be sure to finish, and the secretary is asked to export by project.
 */
export const INLINE_MAX_CHECKINS = 10_000
export const JOB_MAX_CHECKINS = 60_000
/** A job's run holds it this long: past the function's 60 s timeout, so a run that was killed frees it. */
export const JOB_LEASE_MS = 70_000
/** A job is tried this many times (a run killed at its timeout counts), then marked failed. */
export const JOB_MAX_ATTEMPTS = 2
/** How often (in rows read) a job's run writes down how far it has got. */
export const JOB_PROGRESS_EVERY = 5_000

export type ExportMode = 'inline' | 'job' | 'too_large'

export const exportMode = (checkins: number): ExportMode =>
  checkins <= INLINE_MAX_CHECKINS ? 'inline' : checkins <= JOB_MAX_CHECKINS ? 'job' : 'too_large'

export const tooLargeMessage = (checkins: number): string =>
  `这份台账有 ${checkins.toLocaleString('en-US')} 条打卡写实，超过一次导出的上限 ` +
  `${JOB_MAX_CHECKINS.toLocaleString('en-US')} 条，请按项目分别导出`

/** Whether a run may take the job now: it waits, or its last run's hold has run out (that run was stopped). */
/** What the rules below read of a stored job. */
export interface JobState {
  status: LedgerJobStatus
  leaseUntil: Date | null
  attempts: number
}

export const canTakeJob = (job: JobState, now: Date): boolean =>
  job.status === 'queued' ||
  (job.status === 'running' &&
    job.attempts < JOB_MAX_ATTEMPTS &&
    (job.leaseUntil === null || new Date(job.leaseUntil).getTime() <= now.getTime()))

/** A running job whose every attempt was stopped before it finished: it is given up, with a reason. */
export const isJobAbandoned = (job: JobState, now: Date): boolean =>
  job.status === 'running' &&
  job.attempts >= JOB_MAX_ATTEMPTS &&
  job.leaseUntil !== null &&
  new Date(job.leaseUntil).getTime() <= now.getTime()

/** A made workbook is handed back for another 导出 of the same ledger by the same person this long. */
export const JOB_REUSE_READY_MS = 10 * 60_000

/** Whether another 导出 of the same ledger gets this job back rather than a new one. */
export const canReuseJob = (job: JobState & { createdAt: Date }, now: Date): boolean =>
  job.status === 'ready'
    ? now.getTime() - new Date(job.createdAt).getTime() < JOB_REUSE_READY_MS
    : job.status !== 'failed' && !isJobAbandoned(job, now)

export const JOB_ABANDONED = '台账生成多次超时，请按项目分别导出'

export const isLedgerJob = (e: LedgerExport): e is LedgerJobView => 'jobId' in e

type JobProgress = Pick<LedgerJobView, 'status' | 'phase' | 'done' | 'total' | 'error'>

/** How far a job has got, 0–100: reading its rows is the first half of the work, writing them the second. */
export function jobPercent(job: JobProgress): number {
  if (job.status === 'ready') return 100
  if (job.status !== 'running') return 0
  const total = Math.max(job.total, 1)
  const share = (job.phase === 'writing' ? 0.5 : 0) + Math.min(job.done, total) / total / 2
  return Math.min(99, Math.floor(share * 100))
}

/** How far a job has got, in words: 台账较大，正在读取 12,000 / 50,000 条记录（12%）. */
export function jobProgressText(job: JobProgress): string {
  if (job.status === 'queued') return '台账较大，已排队生成，请稍候…'
  if (job.status === 'failed') return `台账生成失败：${job.error ?? '请稍后再试'}`
  if (job.status === 'ready') return '台账已生成'
  const verb = job.phase === 'writing' ? '正在写入' : '正在读取'
  const done = job.done.toLocaleString('en-US')
  return `台账较大，${verb} ${done} / ${job.total.toLocaleString('en-US')} 条记录（${jobPercent(job)}%）`
}
