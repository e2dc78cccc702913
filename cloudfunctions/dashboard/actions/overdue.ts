import { dashboardListScope } from '../../../domain/dashboard-permissions'
import { fail, ok } from '../../../types/result'
import { getRollups, listOverdue } from '../../_shared/repositories/dashboard'
import type { Handler } from '../../_shared/router'
import { resolveFilters } from '../filters'
import { toOverdueItem } from '../views'

/** Every overdue milestone behind the dashboard's figure, oldest deadline first, a page at a time. */
export const overdue: Handler<'dashboard', 'overdue'> = async (params, { caller }) => {
  const scope = dashboardListScope(caller, params.branchId)
  if (!scope.ok) {
    return scope.reason === 'FOREIGN_BRANCH'
      ? fail('FORBIDDEN', '只能查看本支部的逾期里程碑')
      : fail('FORBIDDEN', '看板由支部书记和党委查看')
  }
  const resolved = resolveFilters(params)
  if (!resolved.ok) return resolved.fail
  const f = resolved.filters
  const { page, pageSize } = params
  const [{ run }, list] = await Promise.all([
    getRollups([]),
    listOverdue(f.key, scope.branchId, (page - 1) * pageSize, pageSize),
  ])
  const today = run?.today ?? f.today
  return ok({
    items: list.rows.map((r) => toOverdueItem(r, today)),
    page,
    pageSize,
    total: list.total,
    hasMore: page * pageSize < list.total,
    asOf: run ? new Date(run.at).toISOString() : null,
  })
}
