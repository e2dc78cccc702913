import { dashboardListScope } from '../../../domain/dashboard-permissions'
import { ok } from '../../../types/result'
import { getRollups, listOverdue } from '../../_shared/repositories/dashboard'
import type { Handler } from '../../_shared/router'
import { resolveScoped } from '../filters'
import { toOverdueItem } from '../views'

/** Every overdue milestone behind the dashboard's figure, oldest deadline first, a page at a time. */
export const overdue: Handler<'dashboard', 'overdue'> = async (params, { caller }) => {
  const resolved = resolveScoped(caller, params, dashboardListScope, '只能查看本支部的逾期里程碑')
  if (!resolved.ok) return resolved.fail
  const { scope, filters: f } = resolved
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
