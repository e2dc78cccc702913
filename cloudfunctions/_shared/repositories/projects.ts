import type { DB } from 'wx-server-sdk'
import type {
  Milestone,
  Project,
  ProjectCategory,
  ProjectEvent,
  ProjectStatus,
  Rating,
} from '../../../types/entities'
import { COLLECTIONS, db } from '../cloud'
import { MAX_PAGE } from './query'

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
  const query = db.collection(COLLECTIONS.projects).where(where)
  const [countRes, pageRes] = await Promise.all([
    query.count() as Promise<DB.ICountResult>,
    query
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get() as Promise<DB.IQueryResult>,
  ])
  return { items: pageRes.data as Project[], total: countRes.total }
}

async function getById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as DB.IQuerySingleResult
  return (res.data as T | null) ?? null
}

export const getProject = (id: string): Promise<Project | null> => getById<Project>(COLLECTIONS.projects, id)

/** A person's rating of a project (one per openid per project), or null. */
export const getRating = (projectId: string, openid: string): Promise<Rating | null> =>
  getById<Rating>(COLLECTIONS.ratings, ratingId(projectId, openid))

export const ratingId = (projectId: string, openid: string): string => `${projectId}:${openid}`

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
