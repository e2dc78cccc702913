import type { MeView } from '@contract/api'
import { isCommittee, isSecretary } from '@domain/roles'
import type { DashboardTarget } from '@/features/dashboard/hooks/use-dashboard'

/**
 * Which dashboard the page shows: a branch named in its address (the committee coming from the league), the
 * company's for the committee, their own branch's for a secretary; members have none ('denied').
 */
export function dashboardTarget(
  me: MeView | undefined,
  branchId: string | undefined,
): DashboardTarget | 'denied' | null {
  if (!me) return null
  if (branchId) return { kind: 'branch', branchId }
  if (isCommittee(me)) return { kind: 'company' }
  if (isSecretary(me)) return { kind: 'branch' }
  return 'denied'
}
