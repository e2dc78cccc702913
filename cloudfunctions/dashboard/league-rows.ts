import type { DashboardLeague } from '../../types/entities-dashboard'
import type { LeagueRow } from '../../types/functions/dashboard'
import { getLeagueRows } from '../_shared/repositories/dashboard'
import { toLeagueRow } from './views'

/**
 * Rows `skip`…`skip + limit` of a key's league, best first: the league document gives their order and ranks,
 * one read of their branch documents what each row shows. No league yet (no roll-up so far): no rows.
 */
export async function leagueRows(
  key: string,
  league: DashboardLeague | null,
  skip: number,
  limit: number,
): Promise<LeagueRow[]> {
  const ids = league ? league.branchIds.slice(skip, skip + limit) : []
  if (!league || ids.length === 0) return []
  const found = await getLeagueRows(key, ids)
  return ids.flatMap((id, i) => {
    const doc = found.get(id)
    return doc ? [toLeagueRow({ ...doc, rank: league.ranks[skip + i] })] : []
  })
}
