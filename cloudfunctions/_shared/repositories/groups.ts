import type { DB } from 'wx-server-sdk'
import type { Milestone, PartyGroup, Person, Project, ProjectStatus } from '../../../types/entities'
import type { AnnouncementRead, GroupBoard, GroupComment, GroupPost } from '../../../types/entities-community'
import { COLLECTIONS, db, _ } from '../cloud'
import { MAX_PAGE, getByIds, readPage, getById } from './query'
import type { PageMark } from './query'

export const getGroup = (id: string) => getById<PartyGroup>(COLLECTIONS.groups, id)
export const getBoard = (groupId: string) => getById<GroupBoard>(COLLECTIONS.groupBoards, groupId)
export const getPost = (id: string) => getById<GroupPost>(COLLECTIONS.groupPosts, id)

export const getBoards = (groupIds: readonly string[]) =>
  getByIds<GroupBoard>(COLLECTIONS.groupBoards, groupIds)
export const getPosts = (ids: readonly string[]) => getByIds<GroupPost>(COLLECTIONS.groupPosts, ids)

/** Every group of these branches (a branch has a handful). */
export async function listGroupsOfBranches(branchIds: readonly string[]): Promise<PartyGroup[]> {
  if (branchIds.length === 0) return []
  const res = (await db
    .collection(COLLECTIONS.groups)
    .where({ branchId: branchIds.length === 1 ? branchIds[0] : _.in([...branchIds]) })
    .orderBy('_id', 'asc')
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as PartyGroup[]
}

export type { PageMark } from './query'

/**
 * A page of a group's feed, newest first, after `before`: posts neither withdrawn nor pinned. Every field of
 * the filter is in the (groupId, withdrawn, pinned, createdAt) index and the cursor is a range on it, so a
 * page deep in a long feed costs what the first one does (no skip).
 */
export async function listFeed(
  groupId: string,
  before: PageMark | null,
  limit: number,
): Promise<GroupPost[]> {
  const base = { groupId, withdrawn: false, pinned: false }
  return readPage<GroupPost>(COLLECTIONS.groupPosts, base, 'createdAt', before, limit)
}

/** A post's comments, oldest first, after `after`. */
export async function listComments(
  postId: string,
  after: PageMark | null,
  limit: number,
): Promise<GroupComment[]> {
  return readPage<GroupComment>(COLLECTIONS.groupComments, { postId }, 'createdAt', after, limit, 'asc')
}

export const readId = (postId: string, personId: string): string => `${postId}:${personId}`

/** Which of these posts `personId` has read, in one read by id. */
export async function readPostIds(postIds: readonly string[], personId: string): Promise<Set<string>> {
  const reads = await getByIds<AnnouncementRead>(
    COLLECTIONS.announcementReads,
    postIds.map((id) => readId(id, personId)),
  )
  return new Set(reads.map((r) => r.postId))
}

/**
 * The announcements of these groups the person has read, newest reads first, at most a page: what a person
 * can have read among the few pinned ones, found without first knowing which are pinned.
 */
export async function readPostIdsInGroups(
  groupIds: readonly string[],
  personId: string,
): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set()
  const res = (await db
    .collection(COLLECTIONS.announcementReads)
    .where({ personId, groupId: _.in([...groupIds]) })
    .orderBy('at', 'desc')
    .limit(MAX_PAGE)
    .field({ postId: true })
    .get()) as DB.IQueryResult
  return new Set((res.data as Pick<AnnouncementRead, 'postId'>[]).map((r) => r.postId))
}

/** Everyone who has read an announcement, first reader first (a group is tens of people, not thousands). */
export async function listReads(postId: string): Promise<AnnouncementRead[]> {
  const res = (await db
    .collection(COLLECTIONS.announcementReads)
    .where({ postId })
    .orderBy('at', 'asc')
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as AnnouncementRead[]
}

export type GroupMember = Pick<Person, '_id' | 'name' | 'title' | 'phone' | 'branchId' | 'groupId' | 'grants'>

/** The people of a group, by id. */
export async function listGroupMembers(groupId: string): Promise<GroupMember[]> {
  const res = (await db
    .collection(COLLECTIONS.people)
    .where({ groupId })
    .field({ _id: true, name: true, title: true, phone: true, branchId: true, groupId: true, grants: true })
    .orderBy('_id', 'asc')
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as GroupMember[]
}

export const countGroupMembers = async (groupId: string): Promise<number> =>
  ((await db.collection(COLLECTIONS.people).where({ groupId }).count()) as DB.ICountResult).total

/** A member's check-ins in [start, end): one count on the (personId, at) index. */
export const countCheckinsBetween = async (personId: string, start: Date, end: Date): Promise<number> =>
  (
    (await db
      .collection(COLLECTIONS.checkins)
      .where({ personId, at: _.and(_.gte(start), _.lt(end)), withdrawnAt: _.exists(false) })
      .count()) as DB.ICountResult
  ).total

/** Projects whose plan is being worked on or was: approved, running, waiting for acceptance, or closed. */
export const GROUP_PROJECT_STATUSES: readonly ProjectStatus[] = [
  'approved',
  'in_progress',
  'acceptance_requested',
  'closed',
]

export type GroupProjectOutline = Pick<
  Project,
  '_id' | 'title' | 'category' | 'year' | 'status' | 'progress' | 'tasks' | 'updatedAt'
>

/** A branch's projects with a plan, newest activity first, on the (branchId, status, updatedAt) index. */
export async function listPlannedProjects(branchId: string): Promise<GroupProjectOutline[]> {
  const res = (await db
    .collection(COLLECTIONS.projects)
    .where({ branchId, status: _.in([...GROUP_PROJECT_STATUSES]) })
    .orderBy('updatedAt', 'desc')
    .field({
      _id: true,
      title: true,
      category: true,
      year: true,
      status: true,
      progress: true,
      tasks: true,
      updatedAt: true,
    })
    .limit(200)
    .get()) as DB.IQueryResult
  return res.data as GroupProjectOutline[]
}

/** Which task of which project each milestone these people own belongs to. */
export async function listOwnedTasks(
  ownerIds: readonly string[],
  projectIds: readonly string[],
): Promise<Pick<Milestone, 'projectId' | 'taskId' | 'ownerId'>[]> {
  if (ownerIds.length === 0 || projectIds.length === 0) return []
  const res = (await db
    .collection(COLLECTIONS.milestones)
    .where({ ownerId: _.in([...ownerIds]), projectId: _.in([...projectIds]) })
    .field({ projectId: true, taskId: true, ownerId: true })
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as Pick<Milestone, 'projectId' | 'taskId' | 'ownerId'>[]
}
