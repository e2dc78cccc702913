import { useCallback } from 'react'
import type { MemberView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchMembers } from '../api/fetch-members'

/** A branch's members, with who has bound their WeChat. */
export function useBranchMembers(branchId: string | null): RequestState<MemberView[]> {
  const load = useCallback(async () => (branchId ? fetchMembers(branchId) : []), [branchId])
  return useRequest(load)
}
