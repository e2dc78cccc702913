import { useCallback } from 'react'
import type { BranchView } from '@contract/api'
import { useRequest } from '@/hooks/use-request'
import { fetchBranches } from '../api/fetch-branches'

/** The company's branches when `enabled` (the committee's filter); nothing is fetched otherwise. */
export function useBranches(enabled: boolean): BranchView[] | undefined {
  const load = useCallback(async () => (enabled ? fetchBranches() : []), [enabled])
  return useRequest(load).data
}
