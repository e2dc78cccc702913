import type { DB } from 'wx-server-sdk'
import type { Checkin, CheckinCount, CheckinStatsDoc } from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'

async function getById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as DB.IQuerySingleResult
  return (res.data as T | null) ?? null
}

export const getCheckin = (id: string) => getById<Checkin>(COLLECTIONS.checkins, id)

/** The check-ins sent under this request id (one, or none; ids are random, so another member's is rare). */
export async function findByRequestId(requestId: string): Promise<Checkin[]> {
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where({ requestId })
    .limit(10)
    .get()) as DB.IQueryResult
  return res.data as Checkin[]
}

export const getCheckinStats = (personId: string) =>
  getById<CheckinStatsDoc>(COLLECTIONS.checkinStats, personId)

/** Where a page of history ended: the last check-in shown. */
export interface HistoryMark {
  at: Date
  id: string
}

/**
 * A member's check-ins, newest first, after `before`. The range on `at` keeps the read on the
 * (personId, at) index; `_id` only breaks ties between check-ins at the same instant.
 */
export async function listHistory(
  personId: string,
  before: HistoryMark | null,
  limit: number,
): Promise<Checkin[]> {
  const where = before
    ? _.and([{ personId, at: _.lte(before.at) }, _.or([{ at: _.lt(before.at) }, { _id: _.lt(before.id) }])])
    : { personId }
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where(where)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as Checkin[]
}

/** The latest check-ins on a task, on any of its milestones or on none: the work behind its milestones. */
export async function listTaskCheckins(projectId: string, taskId: string, limit: number): Promise<Checkin[]> {
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where({ projectId, taskId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as Checkin[]
}

/** Counter values by counter id (see domain/checkin-counts.ts); a counter never written counts 0. */
export async function getCounts(ids: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(ids)]
  const out = new Map<string, number>(wanted.map((id) => [id, 0]))
  if (wanted.length === 0) return out
  const res = (await db
    .collection(COLLECTIONS.checkinCounts)
    .where({ _id: _.in(wanted) })
    .limit(wanted.length)
    .get()) as DB.IQueryResult
  for (const c of res.data as CheckinCount[]) out.set(c._id, c.count)
  return out
}
