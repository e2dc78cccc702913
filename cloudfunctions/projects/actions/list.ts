import { projectListScope } from '../../../domain/projects'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { toSummary } from '../../_shared/project-views'
import { readCategoryNames } from '../../_shared/repositories/guides'
import { listProjects } from '../../_shared/repositories/projects'

export const list: Handler<'projects', 'list'> = async (params, { caller }) => {
  const scope = projectListScope(caller, params.branchId)
  if (!scope.ok) {
    return scope.reason === 'FOREIGN_BRANCH'
      ? fail('FORBIDDEN', '只能查看本支部的项目')
      : fail('FORBIDDEN', '你还没有所属支部，无法查看项目')
  }
  const { page, pageSize } = params
  // The category names are read beside the page (the year's guide, or every year's when no year is asked).
  const [{ items, total }, names] = await Promise.all([
    listProjects(
      { branchId: scope.branchId, status: params.status, category: params.category, year: params.year },
      page,
      pageSize,
    ),
    readCategoryNames(params.year === undefined ? undefined : [params.year]),
  ])
  return ok({
    items: items.map((p) => toSummary(p, names)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  })
}
