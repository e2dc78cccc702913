import type { DB } from 'wx-server-sdk'
import type {
  Checkin,
  CheckinCount,
  CheckinStatsDoc,
  Milestone,
  MilestoneStatus,
} from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { fetchAll, readPage, type PageMark, getById } from './query'

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
export type HistoryMark = PageMark

/**
 * A member's check-ins, newest first, after `before`. The range on `at` keeps the read on the
 * (personId, withdrawnAt, at) index; `_id` only breaks ties between check-ins at the same instant.
 */
export function listHistory(personId: string, before: HistoryMark | null, limit: number): Promise<Checkin[]> {
  // A withdrawn check-in is gone for its author (the secretary still sees it on the task).
  return readPage<Checkin>(
    COLLECTIONS.checkins,
    { personId, withdrawnAt: _.exists(false) },
    'at',
    before,
    limit,
  )
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

/** The status of each of these milestones, by id (only the status is read). */
export async function getMilestoneStatuses(ids: readonly string[]): Promise<Map<string, MilestoneStatus>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const res = (await db
    .collection(COLLECTIONS.milestones)
    .where({ _id: _.in(wanted) })
    .field({ _id: true, status: true })
    .limit(wanted.length)
    .get()) as DB.IQueryResult
  return new Map((res.data as Pick<Milestone, '_id' | 'status'>[]).map((m) => [m._id, m.status]))
}

/** What recounting a member's figures needs of each of their check-ins. */
export type FigureSource = Pick<Checkin, '_id' | 'seq' | 'day' | 'counted' | 'withdrawnAt'>

/** Every check-in of a member, only what their figures are counted from (a few hundred a year). */
export const listFigureSources = (personId: string): Promise<FigureSource[]> =>
  fetchAll<FigureSource>(
    db
      .collection(COLLECTIONS.checkins)
      .where({ personId })
      .field({ _id: true, seq: true, day: true, counted: true, withdrawnAt: true }),
  )

/**
 * The author's edit: the new text, photos and place, the replaced version pushed to `versions`. Holds only over
 * the version read (`edits`) and while the check-in is not withdrawn; answers whether it was written.
 */
export async function saveCheckinEdit(
  before: Checkin,
  next: Pick<Checkin, 'text' | 'photos' | 'place'>,
  at: Date,
): Promise<boolean> {
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where({
      _id: before._id,
      personId: before.personId,
      edits: before.edits ?? _.exists(false),
      withdrawnAt: _.exists(false),
    })
    .update({
      data: {
        text: next.text,
        photos: _.set(next.photos),
        place: next.place === null ? null : _.set(next.place),
        versions: _.push([{ text: before.text, photos: before.photos, place: before.place, until: at }]),
        editedAt: at,
        edits: (before.edits ?? 0) + 1,
      },
    })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) > 0
}
