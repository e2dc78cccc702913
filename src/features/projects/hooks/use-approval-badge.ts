import { useCallback, useEffect } from 'react'
import { fetchMilestoneInboxCount } from '@/features/checkin'
import { fetchProjects } from '../api/fetch-projects'
import { setApprovalBadge, type Approver } from '../tab-badge'

/** How many items wait for the committee: proposals, acceptance requests and milestone submissions. */
async function countForCommittee(): Promise<number> {
  const [proposals, acceptances, milestones] = await Promise.all([
    fetchProjects({ status: 'submitted' }, 1, 1),
    fetchProjects({ status: 'acceptance_requested' }, 1, 1),
    fetchMilestoneInboxCount(),
  ])
  return proposals.total + acceptances.total + milestones
}

/** Counts what waits for an approver and puts it on the 待审批 tab; does nothing for anyone else. */
export function useApprovalBadge(approver: Approver | null): { refresh: () => Promise<void> } {
  const refresh = useCallback(async () => {
    if (!approver) return
    try {
      setApprovalBadge(
        approver === 'committee' ? await countForCommittee() : await fetchMilestoneInboxCount(),
      )
    } catch {
      // The badge is only a hint; the 待审批 page shows its own errors.
    }
  }, [approver])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { refresh }
}
