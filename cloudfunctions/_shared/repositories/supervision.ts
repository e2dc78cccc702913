import type { DB } from 'wx-server-sdk'
import type { SpotCheckScope } from '../../../domain/supervision'
import type {
  CheckinCount,
  Milestone,
  OrgUnit,
  Person,
  Project,
  ProjectStatus,
} from '../../../types/entities'
import type {
  Rectification,
  SpotCheck,
  SupervisionAssignment,
  SupervisionEvent,
  TopTenSelection,
} from '../../../types/entities-supervision'
import { COLLECTIONS, db, _ } from '../cloud'
import { PROJECT_HEAD_FIELDS } from './projects'
import { chunk, fetchAll, getMapByIds, oneOrIn, getById, readCountedPage } from './query'

export const getSpotCheck = (id: string) => getById<SpotCheck>(COLLECTIONS.spotChecks, id)
export const getTopTen = (year: number) =>
  getById<TopTenSelection>(COLLECTIONS.topTenSelections, topTenId(year))
export const topTenId = (year: number): string => `top-ten-${year}`

/** Every year's confirmed 十佳 (one small document a year), newest first. */
export async function listTopTens(): Promise<TopTenSelection[]> {
  const res = (await db
    .collection(COLLECTIONS.topTenSelections)
    .orderBy('year', 'desc')
    .limit(100)
    .get()) as DB.IQueryResult
  return res.data as TopTenSelection[]
}

/** The company's branches (党支部), in org order. */
export async function listBranches(): Promise<OrgUnit[]> {
  const units = await fetchAll<OrgUnit>(
    db.collection(COLLECTIONS.orgUnits).where({ kind: 'branch' }).orderBy('order', 'asc'),
  )
  return units
}

export type CommitteePerson = Pick<Person, '_id' | 'name' | 'title' | 'grants'>

/** Everyone on the committee (a county has a handful; the grants are not indexed, so this reads people). */
export const listCommitteePeople = (): Promise<CommitteePerson[]> =>
  fetchAll<CommitteePerson>(
    db
      .collection(COLLECTIONS.people)
      .where({ 'grants.role': 'committee' })
      .field({ _id: true, name: true, title: true, grants: true })
      .orderBy('_id', 'asc'),
  )

/** A branch's secretaries, by id (they are people of the branch, on the branchId index). */
export async function listSecretariesOf(
  branchId: string,
): Promise<Pick<Person, '_id' | 'name' | 'grants'>[]> {
  const people = await fetchAll<Pick<Person, '_id' | 'name' | 'grants'>>(
    db
      .collection(COLLECTIONS.people)
      .where({ branchId })
      .field({ _id: true, name: true, grants: true })
      .orderBy('_id', 'asc'),
  )
  return people.filter((p) => p.grants.some((g) => g.role === 'secretary' && g.branchId === branchId))
}

/** Active assignments: all of them, or one committee member's. */
export const listAssignments = (personId?: string): Promise<SupervisionAssignment[]> =>
  fetchAll<SupervisionAssignment>(
    db
      .collection(COLLECTIONS.supervisionAssignments)
      .where(personId === undefined ? { active: true } : { personId, active: true })
      .orderBy('_id', 'asc'),
  )

export type SupervisedOutline = Pick<
  Project,
  '_id' | 'title' | 'branchId' | 'branchName' | 'status' | 'progress'
>

const OUTLINE = { _id: true, title: true, branchId: true, branchName: true, status: true, progress: true }

/** Projects of these branches (or of all, with null) in these states. */
export async function listProjectsIn(
  branchIds: readonly string[] | null,
  statuses: readonly ProjectStatus[],
): Promise<SupervisedOutline[]> {
  const status = oneOrIn(statuses)
  if (branchIds === null)
    return fetchAll<SupervisedOutline>(
      db.collection(COLLECTIONS.projects).where({ status }).field(OUTLINE).orderBy('_id', 'asc'),
    )
  const out: SupervisedOutline[] = []
  for (const part of chunk([...branchIds])) {
    if (part.length === 0) continue
    out.push(
      ...(await fetchAll<SupervisedOutline>(
        db
          .collection(COLLECTIONS.projects)
          .where({ branchId: oneOrIn(part), status })
          .field(OUTLINE)
          .orderBy('_id', 'asc'),
      )),
    )
  }
  return out
}

/** Outlines by id (current status and progress of picked projects). */
export async function getOutlines(ids: readonly string[]): Promise<Map<string, SupervisedOutline>> {
  return getMapByIds<SupervisedOutline>(COLLECTIONS.projects, ids, OUTLINE)
}

/**
 * Milestones of these branches past a stored deadline and not approved (on the branchId + status index):
 * read beside the branches' projects instead of after them.
 */
export async function listOverdueInBranches(
  branchIds: readonly string[],
  before: Date,
): Promise<Pick<Milestone, 'projectId' | 'deadline' | 'status'>[]> {
  const out: Pick<Milestone, 'projectId' | 'deadline' | 'status'>[] = []
  for (const part of chunk([...new Set(branchIds)])) {
    if (part.length === 0) continue
    out.push(
      ...(await fetchAll<Pick<Milestone, 'projectId' | 'deadline' | 'status'>>(
        db
          .collection(COLLECTIONS.milestones)
          .where({
            branchId: oneOrIn(part),
            status: _.in(['open', 'submitted', 'returned']),
            deadline: _.lt(before),
          })
          .field({ _id: true, projectId: true, deadline: true, status: true })
          .orderBy('_id', 'asc'),
      )),
    )
  }
  return out
}

const spotCheckQuery = (scope: SpotCheckScope) =>
  db.collection(COLLECTIONS.spotChecks).where(scope.all ? {} : { branchIds: _.in(scope.branchIds) })

/** A page of spot checks, newest first, with how many there are. */
export async function listSpotChecks(
  scope: SpotCheckScope,
  page: number,
  pageSize: number,
): Promise<{ items: SpotCheck[]; total: number }> {
  return readCountedPage<SpotCheck>(spotCheckQuery(scope), ['createdAt', '_id'], page, pageSize)
}

/** Rectifications whose `field` is one of `ids`, a read per 1,000 ids (issued together), in `order` (ascending) within each read. */
async function rectificationsWhere(
  field: 'spotCheckId' | 'branchId',
  ids: readonly string[],
  order: readonly string[],
): Promise<Rectification[]> {
  const parts = await Promise.all(
    chunk([...new Set(ids)]).map((part) =>
      fetchAll<Rectification>(
        order.reduce(
          (q, f) => q.orderBy(f, 'asc'),
          db.collection(COLLECTIONS.rectifications).where({ [field]: oneOrIn(part) }),
        ),
      ),
    ),
  )
  return parts.flat()
}

/** The rectifications of these spot checks, oldest first. */
export const listRectificationsOf = (spotCheckIds: readonly string[]): Promise<Rectification[]> =>
  rectificationsWhere('spotCheckId', spotCheckIds, ['createdAt', '_id'])

/** The rectifications of these branches, every status: (branchId, status). */
export const listRectificationsOfBranches = (branchIds: readonly string[]): Promise<Rectification[]> =>
  rectificationsWhere('branchId', branchIds, ['_id'])

/** A project's rectifications not yet confirmed (待整改, 待确认): (projectId, status). */
export const listPendingRectificationsOf = (projectId: string): Promise<Rectification[]> =>
  fetchAll<Rectification>(
    db
      .collection(COLLECTIONS.rectifications)
      .where({ projectId, status: _.in(['open', 'done']) })
      .orderBy('_id', 'asc'),
  )

/** A spot check's record, newest first. */
export async function listCheckEvents(spotCheckId: string, limit = 200): Promise<SupervisionEvent[]> {
  const res = (await db
    .collection(COLLECTIONS.supervisionEvents)
    .where({ spotCheckId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as SupervisionEvent[]
}

const EVALUATION_FIELDS = { ...PROJECT_HEAD_FIELDS, progress: true, rating: true, score: true } as const

export type EvaluationRow = Pick<Project, keyof typeof EVALUATION_FIELDS>

/** Every project of a year, only what the evaluation reads (on the year index). */
export const listYearProjects = (year: number): Promise<EvaluationRow[]> =>
  fetchAll<EvaluationRow>(
    db.collection(COLLECTIONS.projects).where({ year }).field(EVALUATION_FIELDS).orderBy('_id', 'asc'),
    100_000,
  )

/**
 * These branches' project_week check-in counters from the week `fromWeek` on (the counters carry their branch): the
 * quiet-project rule's input, read beside the branches' projects.
 */
export async function listRecentProjectWeeks(
  branchIds: readonly string[],
  fromWeek: string,
): Promise<Pick<CheckinCount, 'projectId' | 'count'>[]> {
  const out: Pick<CheckinCount, 'projectId' | 'count'>[] = []
  await Promise.all(
    chunk([...new Set(branchIds)]).map(async (part) => {
      if (part.length === 0) return
      out.push(
        ...(await fetchAll<Pick<CheckinCount, 'projectId' | 'count'> & { _id: string }>(
          db
            .collection(COLLECTIONS.checkinCounts)
            .where({ branchId: oneOrIn(part), scope: 'project_week', week: _.gte(fromWeek) })
            .field({ _id: true, projectId: true, count: true })
            .orderBy('_id', 'asc'),
        )),
      )
    }),
  )
  return out
}
