import type { DB } from 'wx-server-sdk'
import { db, _ } from '../cloud'

// A long piece of work done in runs of its own (a large 台账 export, a large branch merge) is stored as a job
// that a run holds while `leaseUntil` lies ahead: its page starts the first run, and a `jobs` timer takes up
// every job that no run holds (the page was closed, or a run was stopped at the function's timeout).

/** What every job document carries for its runs and its timer. */
export interface LeasedJob {
  _id: string
  status: string
  leaseUntil: Date | null
}

/** A job still to be finished: waiting for its first run, or under way. */
export const OPEN_JOB_STATUSES = ['queued', 'running'] as const

/** A new job stored under its own `_id` (one round trip); answers the job. */
export async function storeJob<T extends LeasedJob>(collection: string, job: T): Promise<T> {
  const { _id, ...data } = job
  await db.collection(collection).doc(_id).set({ data })
  return job
}

/**
 * The oldest unfinished job that nobody holds (its lease ran out): a `jobs` timer's next one. On the
 * (status, leaseUntil) index of the collection.
 */
export async function nextStaleJob<T extends LeasedJob>(collection: string, now: Date): Promise<T | null> {
  const res = (await db
    .collection(collection)
    .where({ status: _.in([...OPEN_JOB_STATUSES]), leaseUntil: _.lte(now) })
    .orderBy('leaseUntil', 'asc')
    .limit(1)
    .get()) as DB.IQueryResult
  return (res.data[0] as T | undefined) ?? null
}

/**
 * Writes `data` (and `updatedAt`) to the job only while it still matches `where` (the run that holds it, the
 * state it was read in): true when it did, so that two runs never both take a job and a run that lost it
 * writes nothing.
 */
export async function updateJobIf(
  collection: string,
  where: { _id: string } & Record<string, unknown>,
  data: Record<string, unknown>,
  at: Date = new Date(),
): Promise<boolean> {
  const res = (await db
    .collection(collection)
    .where(where)
    .update({ data: { ...data, updatedAt: at } })) as { stats: { updated: number } }
  return res.stats.updated === 1
}
