import { createMain } from '../_shared/router'
import { listBranches } from './actions/list-branches'
import { listMembers } from './actions/list-members'
import { whoami } from './actions/whoami'

/** `org`: who am I, the organisation tree, rosters. */
export const main = createMain('org', { whoami, listBranches, listMembers })
