import type { Actor } from './roles'
import { isCommittee, isSecretaryOf, secretaryBranches } from './roles'

/** Why a dashboard is refused: not a leader, or another branch's. */
export type DashboardDenial = 'FORBIDDEN' | 'FOREIGN_BRANCH' | 'NO_BRANCH'

/** The company dashboard (党委看板): the committee only. */
export const canSeeCompanyDashboard = (actor: Actor): boolean => isCommittee(actor)

/**
 * Which branch's dashboard `actor` gets when asking for `requested`: the committee any branch (one must be
 * named), a secretary their own (the first they lead when none is named); members none.
 */
export function branchDashboardScope(
  actor: Actor,
  requested: string | undefined,
): { ok: true; branchId: string } | { ok: false; reason: DashboardDenial } {
  if (isCommittee(actor))
    return requested ? { ok: true, branchId: requested } : { ok: false, reason: 'NO_BRANCH' }
  const mine = secretaryBranches(actor)
  if (mine.length === 0) return { ok: false, reason: 'FORBIDDEN' }
  if (requested === undefined) return { ok: true, branchId: mine[0] }
  return isSecretaryOf(actor, requested)
    ? { ok: true, branchId: requested }
    : { ok: false, reason: 'FOREIGN_BRANCH' }
}

/**
 * The scope of a list behind a dashboard figure (overdue milestones, the league): the committee the company or
 * any branch; a secretary only their own branch (the first they lead when none is named); members nothing.
 */
export function dashboardListScope(
  actor: Actor,
  requested: string | undefined,
): { ok: true; branchId: string | null } | { ok: false; reason: DashboardDenial } {
  if (isCommittee(actor)) return { ok: true, branchId: requested ?? null }
  const scope = branchDashboardScope(actor, requested)
  return scope.ok ? { ok: true, branchId: scope.branchId } : scope
}
