import type { DB } from 'wx-server-sdk'
import type {
  Checkin,
  Milestone,
  MilestoneRecord,
  Project,
  ProjectCategory,
  ProjectEvent,
  ProjectStatus,
  Rating,
} from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { MAX_PAGE, getMapByIds, getById, readCountedPage } from './query'

export interface ProjectFilter {
  branchId?: string
  status?: ProjectStatus
  category?: ProjectCategory
  year?: number
}

/** One page of projects, newest activity first, with the total count of matches. */
export async function listProjects(
  filter: ProjectFilter,
  page: number,
  pageSize: number,
): Promise<{ items: Project[]; total: number }> {
  const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined))
  return readCountedPage<Project>(
    db.collection(COLLECTIONS.projects).where(where),
    ['updatedAt', '_id'],
    page,
    pageSize,
  )
}

export const getProject = (id: string): Promise<Project | null> => getById<Project>(COLLECTIONS.projects, id)

/** A person's rating of a project (one per openid per project), or null. */
export const getRating = (projectId: string, openid: string): Promise<Rating | null> =>
  getById<Rating>(COLLECTIONS.ratings, ratingId(projectId, openid))

export const ratingId = (projectId: string, openid: string): string => `${projectId}:${openid}`

/** A project's latest milestone reviews (submit, approve, return), newest first: the timeline shows them. */
export async function listRecentReviews(projectId: string, limit: number): Promise<MilestoneRecord[]> {
  const res = (await db
    .collection(COLLECTIONS.milestoneSubmissions)
    .where({ projectId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as MilestoneRecord[]
}

/**
 * A project's latest check-ins, newest first, without their photos: the timeline names them. One withdrawn
 * by its author is not part of the project's record.
 */
export async function listRecentCheckins(projectId: string, limit: number): Promise<RecentCheckin[]> {
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where({ projectId, withdrawnAt: _.exists(false) })
    .orderBy('at', 'desc')
    .limit(limit)
    .field({ _id: true, personName: true, taskTitle: true, milestoneTitle: true, text: true, at: true })
    .get()) as DB.IQueryResult
  return res.data as RecentCheckin[]
}

export type RecentCheckin = Pick<
  Checkin,
  '_id' | 'personName' | 'taskTitle' | 'milestoneTitle' | 'text' | 'at'
>

/** These projects, by id (at most a page of them). */
export async function getProjects(ids: readonly string[]): Promise<Project[]> {
  if (ids.length === 0) return []
  const res = (await db
    .collection(COLLECTIONS.projects)
    .where({ _id: _.in([...ids]) })
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as Project[]
}

/** What a showcase reads of these projects' milestones: the outline and the approved ones' evidence. */
export type ShowcaseMilestone = Pick<
  Milestone,
  'projectId' | 'taskId' | 'title' | 'order' | 'status' | 'evidence'
>

export async function listShowcaseMilestones(projectIds: readonly string[]): Promise<ShowcaseMilestone[]> {
  if (projectIds.length === 0) return []
  const res = (await db
    .collection(COLLECTIONS.milestones)
    .where({ projectId: _.in([...projectIds]) })
    .field({ projectId: true, taskId: true, title: true, order: true, status: true, evidence: true })
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as ShowcaseMilestone[]
}

/** Every milestone of a project in plan order: one read, as a plan holds at most 30 × 20 of them. */
export async function listMilestones(projectId: string): Promise<Milestone[]> {
  const res = (await db
    .collection(COLLECTIONS.milestones)
    .where({ projectId })
    .orderBy('order', 'asc')
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as Milestone[]
}

/** The newest events of a project, newest first. */
export async function listRecentEvents(projectId: string, limit: number): Promise<ProjectEvent[]> {
  const res = (await db
    .collection(COLLECTIONS.projectEvents)
    .where({ projectId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as ProjectEvent[]
}

/** Which project, whose and at what stage: what every list of projects reads of one (`field`). */
export const PROJECT_HEAD_FIELDS = {
  _id: true,
  title: true,
  branchId: true,
  branchName: true,
  status: true,
} as const

const OUTLINE = { ...PROJECT_HEAD_FIELDS, tasks: true } as const

/** What lists of work need of a project: no proposal texts. */
export type ProjectOutline = Pick<Project, keyof typeof OUTLINE>

/** Projects of these branches in one status (a branch runs a handful at a time), newest activity first. */
export async function listProjectOutlines(
  branchIds: readonly string[],
  status: ProjectStatus,
  limit = 100,
): Promise<ProjectOutline[]> {
  if (branchIds.length === 0) return []
  const res = (await db
    .collection(COLLECTIONS.projects)
    .where({ branchId: branchIds.length === 1 ? branchIds[0] : _.in([...branchIds]), status })
    .orderBy('updatedAt', 'desc')
    .field(OUTLINE)
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as ProjectOutline[]
}

/** Outlines by id, in one read per 1000. */
export async function getProjectOutlines(ids: readonly string[]): Promise<Map<string, ProjectOutline>> {
  return getMapByIds<ProjectOutline>(COLLECTIONS.projects, ids, OUTLINE)
}
