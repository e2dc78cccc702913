import type { DB } from 'wx-server-sdk'
import type { Project, ProjectCategory, ProjectStatus } from '../../../types/entities'
import { COLLECTIONS, db } from '../cloud'

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
