import type { DB } from 'wx-server-sdk'
import type { ApprovalScope } from '../../../domain/milestones'
import type { Milestone, MilestoneRecord, MilestoneStatus } from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { MAX_PAGE, getById } from './query'

const milestones = () => db.collection(COLLECTIONS.milestones)

export const getMilestone = (id: string): Promise<Milestone | null> =>
  getById<Milestone>(COLLECTIONS.milestones, id)

/** One step's record of a milestone's review, by its id (domain/milestones recordId), or null. */
export async function getRecord(id: string): Promise<MilestoneRecord | null> {
  const res = (await db
    .collection(COLLECTIONS.milestoneSubmissions)
    .where({ _id: id })
    .limit(1)
    .get()) as DB.IQueryResult
  return (res.data[0] as MilestoneRecord | undefined) ?? null
}

/** Every milestone a person owns, in any project (a member owns tens over the years, not thousands). */
export async function listMilestonesOwnedBy(ownerId: string): Promise<Milestone[]> {
  const res = (await milestones().where({ ownerId }).limit(MAX_PAGE).get()) as DB.IQueryResult
  return res.data as Milestone[]
}

/** What a task's due date needs of its milestones. */
export type MilestoneDue = Pick<Milestone, '_id' | 'projectId' | 'taskId' | 'deadline' | 'status'>

/** Every milestone of these projects, only the fields that say when a task is due. */
export async function listMilestoneDues(projectIds: readonly string[]): Promise<MilestoneDue[]> {
  if (projectIds.length === 0) return []
  const res = (await milestones()
    .where({ projectId: _.in([...projectIds]) })
    .field({ _id: true, projectId: true, taskId: true, deadline: true, status: true })
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as MilestoneDue[]
}

/** Who owns a milestone on a task: the owners of its milestones (a task holds a handful). */
export async function ownersOnTask(projectId: string, taskId: string): Promise<string[]> {
  const res = (await milestones()
    .where({ projectId, taskId })
    .field({ ownerId: true })
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return (res.data as { ownerId: string }[]).map((m) => m.ownerId)
}

export const countOwnMilestones = async (ownerId: string, status: MilestoneStatus): Promise<number> =>
  ((await milestones().where({ ownerId, status }).count()) as DB.ICountResult).total

/**
 * Submissions waiting for the caller: in their scope, and never their own (nobody approves those). Every
 * field here leads or sits in an index, so the page and its count stay cheap however many milestones exist.
 */
function inboxQuery(scope: ApprovalScope, callerId: string) {
  const where: Record<string, unknown> = { status: 'submitted', submittedBy: _.neq(callerId) }
  if (!scope.all) where.branchId = scope.branchIds.length === 1 ? scope.branchIds[0] : _.in(scope.branchIds)
  return milestones().where(where)
}

export async function listInbox(
  scope: ApprovalScope,
  callerId: string,
  page: number,
  pageSize: number,
): Promise<{ items: Milestone[]; total: number }> {
  const [countRes, pageRes] = await Promise.all([
    inboxQuery(scope, callerId).count() as Promise<DB.ICountResult>,
    inboxQuery(scope, callerId)
      .orderBy('submittedAt', 'asc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get() as Promise<DB.IQueryResult>,
  ])
  return { items: pageRes.data as Milestone[], total: countRes.total }
}

export const countInbox = async (scope: ApprovalScope, callerId: string): Promise<number> =>
  ((await inboxQuery(scope, callerId).count()) as DB.ICountResult).total

/** A milestone's review history, newest first (a round is two records; nobody needs more than 50 rounds). */
export async function listMilestoneRecords(milestoneId: string): Promise<MilestoneRecord[]> {
  const res = (await db
    .collection(COLLECTIONS.milestoneSubmissions)
    .where({ milestoneId })
    .orderBy('at', 'desc')
    .limit(100)
    .get()) as DB.IQueryResult
  return res.data as MilestoneRecord[]
}
