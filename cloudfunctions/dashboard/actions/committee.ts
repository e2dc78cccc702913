import { canSeeCompanyDashboard } from '../../../domain/dashboard-permissions'
import { rollupId } from '../../../domain/dashboard'
import { fail, ok } from '../../../types/result'
import { getRollups, listLeague } from '../../_shared/repositories/dashboard'
import type { Handler } from '../../_shared/router'
import { resolveFilters } from '../filters'
import { toDashboardView, toLeagueRow } from '../views'

/** How many branches of the league the committee dashboard shows before "查看全部". */
export const LEAGUE_TOP = 10

/** 党委看板: the company's figures and the top of the league, from the roll-up (two reads, whatever the scale). */
export const committee: Handler<'dashboard', 'committee'> = async (params, { caller }) => {
  if (!canSeeCompanyDashboard(caller)) return fail('FORBIDDEN', '只有党委可以查看全公司看板')
  const resolved = resolveFilters(params)
  if (!resolved.ok) return resolved.fail
  const f = resolved.filters
  const [{ docs, run }, league] = await Promise.all([
    getRollups([rollupId(f.key, null)]),
    listLeague(f.key, 0, LEAGUE_TOP),
  ])
  const doc = docs.get(rollupId(f.key, null))
  return ok(
    toDashboardView(doc, {
      scope: { kind: 'company' },
      year: f.year,
      category: f.category,
      years: f.years,
      run,
      today: f.today,
      league: { rows: league.map(toLeagueRow), total: doc?.competitors ?? 0 },
    }),
  )
}
