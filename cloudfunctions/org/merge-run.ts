import type { DB } from 'wx-server-sdk'
import { MERGE_BATCH, MERGE_LEASE_MS, MERGE_RUN_MS, canTakeMergeJob } from '../../domain/org-jobs'
import type { MergeJobView } from '../../types/functions/org'
import { COLLECTIONS, _ } from '../_shared/cloud'
import { updateJobIf } from '../_shared/repositories/jobs'
import { logEvent } from '../_shared/log'
import { applyMerge, readMerge } from './actions/admin-units'
import { coll } from './admin-store'
import { HISTORY, getMergeJob, mergeJobView } from './merge-job'
import type { MergeJobDoc } from './merge-job'

const ids = (res: unknown) => ((res as DB.IQueryResult).data as { _id: string }[]).map((d) => d._id)

/**
 * One run of a merge job: takes it (a conditional update, so two runs never move the same batch together), moves
 * its history MERGE_BATCH ids at a time until nothing names the old branch or its time is up, then finishes the
 * merge as a small one is done. Answers the job as it now stands. A run that stops early hands the job back at
 * once; one stopped at the function's timeout holds it until its lease runs out, then the timer resumes it.
 */
export async function runMergeJob(job: MergeJobDoc, now: Date): Promise<MergeJobView> {
  if (!canTakeMergeJob(job, now)) return mergeJobView(job)
  const run = job.runs + 1
  const taken = await updateJobIf(
    COLLECTIONS.orgJobs,
    { _id: job._id, runs: job.runs },
    { status: 'running', runs: run, leaseUntil: new Date(now.getTime() + MERGE_LEASE_MS) },
    now,
  )
  if (!taken) {
    const current = await getMergeJob(job._id)
    return mergeJobView(current ?? job)
  }
  // Writes to the job go through only while this run is its latest: one that lost it writes nothing.
  const patch = (data: Record<string, unknown>): Promise<boolean> =>
    updateJobIf(COLLECTIONS.orgJobs, { _id: job._id, runs: run }, data)
  const state: MergeJobDoc = { ...job, status: 'running', runs: run, moved: { ...job.moved } }
  const started = Date.now()
  // Each batch's progress is written with the next batch's read (no round trip of its own): it says what the
  // database acknowledged moving, so a batch that failed is not counted and one repeated is not counted twice.
  let progress: Promise<unknown> = Promise.resolve()
  try {
    for (const h of HISTORY) {
      for (;;) {
        if (Date.now() - started > MERGE_RUN_MS) {
          // Time is up: the next run (the page's next call, or the timer) goes on from here.
          await Promise.all([progress, patch({ leaseUntil: new Date() })])
          logEvent('info', 'org_merge_job_paused', { jobId: job._id, run, done: state.done })
          return mergeJobView(state)
        }
        const [found] = await Promise.all([
          coll(h.name).where({ branchId: job.fromId }).field({ _id: true }).limit(MERGE_BATCH).get(),
          progress,
        ])
        const batch = ids(found)
        if (batch.length === 0) break
        // A document moved no longer names the old branch: a batch repeated after a crash moves nothing twice.
        const res = (await coll(h.name)
          .where({ _id: _.in(batch), branchId: job.fromId })
          .update({ data: h.data(job.intoId, now) })) as { stats?: { updated?: number } }
        const n = res.stats?.updated ?? 0
        state.done += n
        state.moved[h.key] = (state.moved[h.key] ?? 0) + n
        progress = patch({ done: _.inc(n), [`moved.${h.key}`]: _.inc(n) })
      }
    }
    await progress
    if (Date.now() - started > MERGE_RUN_MS) {
      // The finishing step gets a run of its own rather than what is left of this one.
      await patch({ leaseUntil: new Date() })
      return mergeJobView(state)
    }
    return await finish(state, now, patch)
  } catch (err) {
    logEvent('error', 'org_merge_job_failed', { jobId: job._id, run, error: (err as Error).message })
    // Handed back: whatever this run moved stays moved, and the next run goes on from there.
    await patch({ leaseUntil: new Date() }).catch(() => undefined)
    return mergeJobView(state)
  }
}

/** Nothing of the history names the old branch any more: the rest moves as a small merge's does. */
async function finish(
  job: MergeJobDoc,
  now: Date,
  patch: (data: Record<string, unknown>) => Promise<unknown>,
): Promise<MergeJobView> {
  const reads = await readMerge(job.fromId, job.intoId)
  const from = reads.units.find((u) => u._id === job.fromId)
  const into = reads.units.find((u) => u._id === job.intoId)
  if (!into) {
    const error = `「${job.intoName}」已不存在`
    await patch({ status: 'failed', error, leaseUntil: null })
    return mergeJobView({ ...job, status: 'failed', error })
  }
  const summary = `「${job.fromName}」并入「${job.intoName}」`
  // Already merged: a finishing run stopped after removing the old branch, before it wrote the job done.
  const done = from
    ? await applyMerge(reads, from, into, job.by, now, { once: true, jobId: job._id })
    : { message: `已将${summary}`, moved: {} }
  const moved = { ...job.moved }
  for (const [k, n] of Object.entries(done.moved)) moved[k] = (moved[k] ?? 0) + n
  const finished: MergeJobDoc = {
    ...job,
    status: 'done',
    done: job.total,
    moved,
    message: done.message,
    leaseUntil: null,
  }
  await patch({
    status: 'done',
    done: job.total,
    moved: _.set(moved),
    message: done.message,
    leaseUntil: null,
  })
  logEvent('info', 'org_merge_job_done', { jobId: job._id, total: job.total })
  return mergeJobView(finished)
}
