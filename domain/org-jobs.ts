/**
 * When a branch merge (组织管理 › 合并) is done in the call that asks for it, and when it becomes a job of its own.
 *
 * A branch's history is what grows: its check-ins and milestones, and the dashboard counters (one per project
 * and week, one per member, project and month) that name the branch. Up to MERGE_INLINE_MAX_DOCS of them, the
 * merge answers done. Above it, the merge records a job (`org_jobs`) and answers with its id; the page then
 * starts the job's runs and shows how far it has got, and the org function's `jobs` timer runs every job that
 * no page runs (closed, or a run stopped at the function's timeout).
 *
 * Each run moves the history MERGE_BATCH ids at a time (read ids still naming the old branch, update those
 * ids): a moved document no longer names it, so a batch repeated after a crash finds nothing to move twice.
 * A run stops starting batches after MERGE_RUN_MS and hands the job to the next run. Once nothing names the old
 * branch, the run finishes the merge as a small merge would (people, groups, projects, study, lectures, invites,
 * 督导), with the branch's running totals added into the other's in a transaction that removes them in the same
 * step, so a finishing step tried again adds nothing twice.
 */
export const MERGE_INLINE_MAX_DOCS = 5_000
/** Ids read and moved per request. */
export const MERGE_BATCH = 1_000
/** A run starts no batch after this long: the org function stops at 20 s. */
export const MERGE_RUN_MS = 8_000
/** A run holds its job this long: past the function's 20 s timeout, so a run that was stopped frees it. */
export const MERGE_LEASE_MS = 30_000

export type MergeJobStatus = 'queued' | 'running' | 'done' | 'failed'

/** What the rules below read of a stored job. */
export interface MergeJobState {
  status: MergeJobStatus
  leaseUntil: Date | null
}

export const isOpenMergeJob = (job: MergeJobState): boolean =>
  job.status === 'queued' || job.status === 'running'

/**
 * Whether a run may take the job now: it waits for its first run (its page starts that at once; the timer after
 * the lease it was made with), or it is under way and nobody holds it (or the holder's time ran out).
 */
export const canTakeMergeJob = (job: MergeJobState, now: Date): boolean =>
  job.status === 'queued' ||
  (job.status === 'running' &&
    (job.leaseUntil === null || new Date(job.leaseUntil).getTime() <= now.getTime()))

export const mergeMode = (docs: number): 'inline' | 'job' =>
  docs <= MERGE_INLINE_MAX_DOCS ? 'inline' : 'job'

interface Progress {
  status: MergeJobStatus
  done: number
  total: number
  fromName: string
  intoName: string
  message: string | null
  error: string | null
}

/** How far a merge job has got, in words: 「A」并入「B」进行中 12,000/22,500. */
export function mergeJobText(job: Progress): string {
  const what = `「${job.fromName}」并入「${job.intoName}」`
  if (job.status === 'done') return job.message ?? `已将${what}`
  if (job.status === 'failed') return `${what}未能完成：${job.error ?? '请稍后再试'}`
  if (job.status === 'queued') return `${what}已排队，即将开始`
  const n = (x: number) => x.toLocaleString('en-US')
  return `${what}进行中 ${n(Math.min(job.done, job.total))}/${n(job.total)}`
}

const MOVED_WORDS: Record<string, [string, string]> = {
  people: ['党员', '人'],
  groups: ['党小组', '个'],
  projects: ['项目', '个'],
  milestones: ['里程碑', '个'],
  checkins: ['打卡写实', '条'],
  supervisionRecords: ['督导记录', '条'],
  rectifications: ['整改任务', '项'],
}

/** What a merge moved, in words: 党员 31 人、项目 12 个、里程碑 1,200 个、打卡写实 20,000 条. */
export function movedText(moved: Readonly<Record<string, number>>): string {
  return Object.entries(MOVED_WORDS)
    .filter(([key]) => (moved[key] ?? 0) > 0)
    .map(([key, [what, unit]]) => `${what} ${moved[key].toLocaleString('en-US')} ${unit}`)
    .join('、')
}
