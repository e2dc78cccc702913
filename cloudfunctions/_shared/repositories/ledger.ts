import type { DB } from 'wx-server-sdk'
import type { LedgerCheckin, LedgerRating } from '../../../domain/ledger'
import type { Milestone, MilestoneRecord, Project, ProjectEvent } from '../../../types/entities'
import { projectCounterId } from '../../../domain/checkin-counts'
import { COLLECTIONS, db, _ } from '../cloud'
import { getCounts } from './checkins'
import { MAX_PAGE, chunk } from './query'

// What a 管理台账 export reads: whole records of a handful of projects. Each read is an equality or `in` on an
// indexed field, paged by _id (never an offset that grows with the data).

type Where = Record<string, unknown>

/** Every document matching `where` for each chunk of `ids` (as `key: in`), 1,000 a call, in `_id` order. */
async function allByIds<T extends { _id: string }>(
  collection: string,
  key: string,
  ids: readonly string[],
  extra: Where = {},
  field: Record<string, true> | null = null,
  onPage?: (read: number) => Promise<void> | void,
): Promise<T[]> {
  const out: T[] = []
  for (const part of chunk([...new Set(ids)])) {
    const base = { ...extra, [key]: part.length === 1 ? part[0] : _.in(part) }
    let last: string | null = null
    for (;;) {
      let query = db.collection(collection).where(last === null ? base : _.and([base, { _id: _.gt(last) }]))
      if (field) query = query.field(field)
      const res = (await query.orderBy('_id', 'asc').limit(MAX_PAGE).get()) as DB.IQueryResult
      const docs = res.data as T[]
      out.push(...docs)
      if (onPage) await onPage(out.length)
      if (docs.length < MAX_PAGE) break
      last = docs[docs.length - 1]._id
    }
  }
  return out
}

async function countByIds(collection: string, key: string, ids: readonly string[], extra: Where = {}) {
  let total = 0
  for (const part of chunk([...new Set(ids)])) {
    const where = { ...extra, [key]: part.length === 1 ? part[0] : _.in(part) }
    total += ((await db.collection(collection).where(where).count()) as DB.ICountResult).total
  }
  return total
}

/** A branch's projects of one year, every status (on the branchId index). */
export const listBranchYearProjects = (branchId: string, year: number): Promise<Project[]> =>
  allByIds<Project>(COLLECTIONS.projects, 'branchId', [branchId], { year })

export const listMilestonesOf = (projectIds: readonly string[]): Promise<Milestone[]> =>
  allByIds<Milestone>(COLLECTIONS.milestones, 'projectId', projectIds)

/** Every review step (submit, approve, return) of these milestones. */
export const listRecordsOf = (milestoneIds: readonly string[]): Promise<MilestoneRecord[]> =>
  allByIds<MilestoneRecord>(COLLECTIONS.milestoneSubmissions, 'milestoneId', milestoneIds)

export const countRecordsOf = (milestoneIds: readonly string[]): Promise<number> =>
  countByIds(COLLECTIONS.milestoneSubmissions, 'milestoneId', milestoneIds)

export const listEventsOf = (projectIds: readonly string[]): Promise<ProjectEvent[]> =>
  allByIds<ProjectEvent>(COLLECTIONS.projectEvents, 'projectId', projectIds)

export const countEventsOf = (projectIds: readonly string[]): Promise<number> =>
  countByIds(COLLECTIONS.projectEvents, 'projectId', projectIds)

const CHECKIN_FIELDS = {
  _id: true,
  projectId: true,
  taskTitle: true,
  milestoneTitle: true,
  personName: true,
  at: true,
  text: true,
  photos: true,
  place: true,
} as const

/**
 * The check-ins (写实) of these projects, only what the ledger shows; `onPage` hears how many are read so far.
 * Each project is paged on its own (`projectId ==`, by `_id`), the projects side by side: a page of several
 * projects at once (`in`, sorted by `_id`) makes the database gather and sort every check-in of all of them again
 * for each page, so a branch's year would cost its pages times its size. A check-in its author withdrew is not
 * part of the record: it is dropped here, not in the query, which would then look inside every document (few are
 * withdrawn; reading them costs next to nothing).
 */
export async function listCheckinsOf(
  projectIds: readonly string[],
  onPage?: (read: number) => Promise<void> | void,
): Promise<LedgerCheckin[]> {
  const readSoFar = new Map<string, number>()
  const parts = await Promise.all(
    [...new Set(projectIds)].map((id) =>
      allByIds<LedgerCheckin & { withdrawnAt?: Date | null }>(
        COLLECTIONS.checkins,
        'projectId',
        [id],
        {},
        { ...CHECKIN_FIELDS, withdrawnAt: true },
        onPage &&
          ((read) => {
            readSoFar.set(id, read)
            return onPage([...readSoFar.values()].reduce((n, r) => n + r, 0))
          }),
      ),
    ),
  )
  return parts.flat().flatMap(({ withdrawnAt, ...c }) => (withdrawnAt ? [] : [c]))
}

/** How many check-ins these projects hold, from their running counters (withdrawn ones already taken out). */
export async function countCheckinsOf(projectIds: readonly string[]): Promise<number> {
  const counts = await getCounts(projectIds.map(projectCounterId))
  return [...counts.values()].reduce((n, c) => n + c, 0)
}

/** Staff ratings that carry a comment: score, comment and time only (who rated never leaves the database). */
export const listCommentsOf = (projectIds: readonly string[]): Promise<LedgerRating[]> =>
  allByIds<LedgerRating & { _id: string }>(
    COLLECTIONS.ratings,
    'projectId',
    projectIds,
    { comment: _.neq('') },
    { _id: true, projectId: true, score: true, comment: true, at: true },
  ).then((rows) => rows.map(({ projectId, score, comment, at }) => ({ projectId, score, comment, at })))

export const countCommentsOf = (projectIds: readonly string[]): Promise<number> =>
  countByIds(COLLECTIONS.ratings, 'projectId', projectIds, { comment: _.neq('') })
