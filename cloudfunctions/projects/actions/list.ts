import { projectListScope } from '../../../domain/projects'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import { listProjects } from '../../_shared/repositories/projects'

export const list: Handler<'projects', 'list'> = async (params, { caller }) => {
  const scope = projectListScope(caller, params.branchId)
  if (!scope.ok) {
    return scope.reason === 'FOREIGN_BRANCH'
      ? fail('FORBIDDEN', '只能查看本支部的项目')
      : fail('FORBIDDEN', '你还没有所属支部，无法查看项目')
  }
  const { page, pageSize } = params
  const { items, total } = await listProjects(
    { branchId: scope.branchId, status: params.status, category: params.category, year: params.year },
    page,
    pageSize,
  )
  const branches = await getOrgUnitsByIds(items.map((p) => p.branchId))
  return ok({
    items: items.map((p) => ({
      id: p._id,
      title: p.title,
      category: p.category,
      status: p.status,
      slogan: p.slogan,
      branchId: p.branchId,
      branchName: branches.get(p.branchId)?.name ?? '',
      year: p.year,
      progress: p.progress,
      updatedAt: new Date(p.updatedAt).toISOString(),
    })),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  })
}
