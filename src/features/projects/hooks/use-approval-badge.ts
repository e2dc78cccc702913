import { useCallback, useEffect } from 'react'
import { fetchProjects } from '../api/fetch-projects'
import { setApprovalBadge } from '../tab-badge'

/** For the committee: counts what waits for approval and puts it on the 待审批 tab. */
export function useApprovalBadge(enabled: boolean): { refresh: () => Promise<void> } {
  const refresh = useCallback(async () => {
    if (!enabled) return
    try {
      const [proposals, acceptances] = await Promise.all([
        fetchProjects({ status: 'submitted' }, 1, 1),
        fetchProjects({ status: 'acceptance_requested' }, 1, 1),
      ])
      setApprovalBadge(proposals.total + acceptances.total)
    } catch {
      // The badge is only a hint; the 待审批 page shows its own errors.
    }
  }, [enabled])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { refresh }
}
