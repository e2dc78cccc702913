import type { MemberView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The roster of one branch, to pick assignees and milestone owners from. */
export const fetchMembers = async (branchId: string): Promise<MemberView[]> =>
  (await callCloud('org', 'listMembers', { branchId })).members
