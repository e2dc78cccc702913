import { canSeeCompanyDashboard } from '../../../domain/dashboard-permissions'
import { leagueId, rollupId } from '../../../domain/dashboard'
import { fail, ok } from '../../../types/result'
import { getRollups } from '../../_shared/repositories/dashboard'
import type { Handler } from '../../_shared/router'
import { resolveFilters } from '../filters'
import { leagueRows } from '../league-rows'

/** 层层打擂: the whole league, best first, a page at a time. Committee only. */
export const league: Handler<'dashboard', 'league'> = async (params, { caller }) => {
  if (!canSeeCompanyDashboard(caller)) return fail('FORBIDDEN', '只有党委可以查看各支部排名')
  const resolved = resolveFilters(params)
  if (!resolved.ok) return resolved.fail
  const { page, pageSize } = params
  const company = rollupId(resolved.filters.key, null)
  const { docs, run, league: table } = await getRollups([company], leagueId(resolved.filters.key))
  const rows = await leagueRows(resolved.filters.key, table, (page - 1) * pageSize, pageSize)
  const total = docs.get(company)?.competitors ?? 0
  return ok({
    items: rows,
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
    asOf: run ? new Date(run.at).toISOString() : null,
  })
}
