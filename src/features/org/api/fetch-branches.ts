import type { BranchView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The company's branches, for the committee's branch filter. */
export const fetchBranches = async (): Promise<BranchView[]> =>
  (await callCloud('org', 'listBranches', {})).branches.filter((b) => b.kind === 'branch')
