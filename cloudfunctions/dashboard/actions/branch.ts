import { branchDashboardScope } from '../../../domain/dashboard-permissions'
import { leagueId, placeInLeague, rollupId } from '../../../domain/dashboard'
import { fail, ok } from '../../../types/result'
import { getRollups } from '../../_shared/repositories/dashboard'
import { getGuides } from '../../_shared/repositories/guides'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import { resolveScoped } from '../filters'
import { toDashboardView, toLeagueRow } from '../views'

/** 支部看板: one branch's figures, its place in the league and its members' part, from the roll-up. */
export const branch: Handler<'dashboard', 'branch'> = async (params, { caller }) => {
  const resolved = resolveScoped(caller, params, branchDashboardScope, '只能查看本支部的看板')
  if (!resolved.ok) return resolved.fail
  const { scope, filters: f } = resolved
  const id = rollupId(f.key, scope.branchId)
  const [{ docs, run, league }, guides] = await Promise.all([
    getRollups([id, rollupId(f.key, null)], leagueId(f.key)),
    getGuides([f.year]),
  ])
  const doc = docs.get(id)
  const place = placeInLeague(league, scope.branchId)
  const total = docs.get(rollupId(f.key, null))?.competitors ?? 0
  let branchName = doc?.branchName
  if (branchName === undefined) {
    // Nothing rolled up for this branch under the filter: it has no project in that category (or year).
    const unit = (await getOrgUnitsByIds([scope.branchId])).get(scope.branchId)
    if (!unit || unit.kind !== 'branch') return fail('NOT_FOUND', '没有找到这个支部')
    branchName = unit.name
  }
  return ok(
    toDashboardView(doc, {
      scope: { kind: 'branch', branchId: scope.branchId, branchName },
      filters: f,
      guide: guides.get(f.year),
      run,
      league: { rows: doc && place ? [toLeagueRow({ ...doc, rank: place.rank })] : [], total },
    }),
  )
}
