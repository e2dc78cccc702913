import { canSeeCompanyDashboard } from '../../../domain/dashboard-permissions'
import { leagueId, rollupId } from '../../../domain/dashboard'
import { fail, ok } from '../../../types/result'
import { getRollups } from '../../_shared/repositories/dashboard'
import { getGuides } from '../../_shared/repositories/guides'
import type { Handler } from '../../_shared/router'
import { resolveFilters } from '../filters'
import { leagueRows } from '../league-rows'
import { toDashboardView } from '../views'

/** How many branches of the league the committee dashboard shows before "查看全部". */
export const LEAGUE_TOP = 10

/** 党委看板: the company's figures and the top of the league, from the roll-up (the company's documents, then the top branches': two reads, whatever the scale). */
export const committee: Handler<'dashboard', 'committee'> = async (params, { caller }) => {
  if (!canSeeCompanyDashboard(caller)) return fail('FORBIDDEN', '只有党委可以查看全公司看板')
  const resolved = resolveFilters(params)
  if (!resolved.ok) return resolved.fail
  const f = resolved.filters
  const [{ docs, run, league }, guides] = await Promise.all([
    getRollups([rollupId(f.key, null)], leagueId(f.key)),
    getGuides([f.year]),
  ])
  const doc = docs.get(rollupId(f.key, null))
  const top = await leagueRows(f.key, league, 0, LEAGUE_TOP)
  return ok(
    toDashboardView(doc, {
      scope: { kind: 'company' },
      filters: f,
      guide: guides.get(f.year),
      run,
      league: { rows: top, total: doc?.competitors ?? 0 },
    }),
  )
}
