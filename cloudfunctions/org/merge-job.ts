import type { DB } from 'wx-server-sdk'
import { branchCounterId } from '../../domain/checkin-counts'
import { MERGE_LEASE_MS } from '../../domain/org-jobs'
import type { MergeJobStatus } from '../../domain/org-jobs'
import type { Person } from '../../types/entities'
import type { MergeJobView } from '../../types/functions/org'
import { COLLECTIONS, _ } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { OPEN_JOB_STATUSES, nextStaleJob, storeJob } from '../_shared/repositories/jobs'
import { getById } from '../_shared/repositories/query'
import { runInTransaction, txGet } from '../_shared/transaction'
import { coll } from './admin-store'

/** A large branch merge, done batch by batch by the org function's runs (domain/org-jobs.ts), as in `org_jobs`. */
export interface MergeJobDoc {
  _id: string
  kind: 'mergeUnits'
  fromId: string
  intoId: string
  fromName: string
  intoName: string
  /** Who asked for it: the audit entry and the notices name them. */
  by: Pick<Person, '_id' | 'name'>
  total: number
  done: number
  /** Documents moved so far, by kind; once done, with what the finishing step moved. */
  moved: Record<string, number>
  status: MergeJobStatus
  /** Until when the run that took it holds it; a run that ends early sets it to its end. */
  leaseUntil: Date | null
  /** Runs that took it: a run's writes to the job go through only while it is the latest. */
  runs: number
  message: string | null
  error: string | null
  createdAt: Date
  updatedAt: Date
}

const jobs = () => coll('orgJobs')
const OPEN: MergeJobStatus[] = [...OPEN_JOB_STATUSES]

/**
 * The history a job moves in batches: what names the branch and may run to tens of thousands. Everything else
 * (people, groups, projects, invites, …: tens to hundreds) moves in the finishing step, as a small merge moves it.
 */
export const HISTORY = [
  { key: 'checkins', name: 'checkins', data: (intoId: string) => ({ branchId: intoId }) },
  {
    key: 'milestones',
    name: 'milestones',
    data: (intoId: string, at: Date) => ({ branchId: intoId, updatedAt: at }),
  },
  {
    key: 'counters',
    name: 'checkinCounts',
    data: (intoId: string, at: Date) => ({ branchId: intoId, updatedAt: at }),
  },
  { key: 'studies', name: 'lectureStudies', data: (intoId: string) => ({ branchId: intoId }) },
] as const satisfies readonly { key: string; name: keyof typeof COLLECTIONS; data: unknown }[]

/** How many documents of its history name the branch (counted together, one round trip). */
export async function historySize(branchId: string): Promise<number> {
  const counts = (await Promise.all(HISTORY.map((h) => coll(h.name).where({ branchId }).count()))) as {
    total: number
  }[]
  return counts.reduce((n, c) => n + c.total, 0)
}

/** The merges under way: a new merge touching either branch waits for them. */
export async function openMergeJobs(): Promise<MergeJobDoc[]> {
  const res = (await jobs()
    .where({ status: _.in(OPEN) })
    .limit(100)
    .get()) as DB.IQueryResult
  return res.data as MergeJobDoc[]
}

export const getMergeJob = (jobId: string): Promise<MergeJobDoc | null> =>
  getById<MergeJobDoc>(COLLECTIONS.orgJobs, jobId)

export function mergeJobView(job: MergeJobDoc): MergeJobView {
  return {
    jobId: job._id,
    status: job.status,
    fromId: job.fromId,
    intoId: job.intoId,
    fromName: job.fromName,
    intoName: job.intoName,
    total: job.total,
    done: Math.min(job.done, job.total),
    moved: job.moved,
    message: job.message,
    error: job.error,
  }
}

/** A new job, waiting for the run its page starts at once (the timer takes it up if that run never comes). */
export async function openMergeJob(
  from: { id: string; name: string },
  into: { id: string; name: string },
  by: Pick<Person, '_id' | 'name'>,
  total: number,
  now: Date,
): Promise<MergeJobDoc> {
  const job: MergeJobDoc = {
    _id: newId('oj'),
    kind: 'mergeUnits',
    fromId: from.id,
    intoId: into.id,
    fromName: from.name,
    intoName: into.name,
    by: { _id: by._id, name: by.name },
    total,
    done: 0,
    moved: {},
    status: 'queued',
    leaseUntil: new Date(now.getTime() + MERGE_LEASE_MS),
    runs: 0,
    message: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  }
  return storeJob(COLLECTIONS.orgJobs, job)
}

/** The oldest unfinished job nobody holds: the `jobs` timer's next one. */
export const nextStaleMergeJob = (now: Date): Promise<MergeJobDoc | null> =>
  nextStaleJob<MergeJobDoc>(COLLECTIONS.orgJobs, now)

/**
 * The merged branch's running check-in count and study totals added into the other's, and removed, in one
 * transaction: tried again (a finishing run stopped and retried), there is nothing left to add.
 */
export function addFiguresOnce(fromId: string, intoId: string, at: Date): Promise<unknown> {
  const counts = COLLECTIONS.checkinCounts
  const totals = COLLECTIONS.studyTotals
  return runInTransaction(async (t) => {
    type Count = { count: number }
    type Totals = { personTimes: number; completed: number; studySeconds: number }
    const [fromCount, intoCount, fromTotals, intoTotals] = await Promise.all([
      txGet<Count>(t, counts, branchCounterId(fromId)).catch(() => null),
      txGet<Count>(t, counts, branchCounterId(intoId)).catch(() => null),
      txGet<Totals>(t, totals, `branch:${fromId}`).catch(() => null),
      txGet<Totals>(t, totals, `branch:${intoId}`).catch(() => null),
    ])
    const writes: Promise<unknown>[] = []
    if (fromCount) {
      writes.push(
        intoCount
          ? t
              .collection(counts)
              .doc(branchCounterId(intoId))
              .update({ data: { count: intoCount.count + fromCount.count, updatedAt: at } })
          : t
              .collection(counts)
              .doc(branchCounterId(intoId))
              .set({ data: { scope: 'branch', count: fromCount.count, applied: [], updatedAt: at } }),
        t.collection(counts).doc(branchCounterId(fromId)).remove(),
      )
    }
    if (fromTotals) {
      const sum = (k: keyof Totals) => (intoTotals?.[k] ?? 0) + fromTotals[k]
      const data = {
        personTimes: sum('personTimes'),
        completed: sum('completed'),
        studySeconds: sum('studySeconds'),
        updatedAt: at,
      }
      writes.push(
        intoTotals
          ? t.collection(totals).doc(`branch:${intoId}`).update({ data })
          : t
              .collection(totals)
              .doc(`branch:${intoId}`)
              .set({ data: { scope: 'branch', ...data } }),
        t.collection(totals).doc(`branch:${fromId}`).remove(),
      )
    }
    await Promise.all(writes)
  })
}
