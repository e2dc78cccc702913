import { isDeployCall } from '../_shared/call-source'
import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import {
  createGroup,
  mergeGroups,
  moveGroup,
  movePerson,
  renameGroup,
  setGroupLeader,
  setSecretary,
} from './actions/admin-people'
import { createUnit, mergeUnits, moveUnit, renameUnit } from './actions/admin-units'
import { bindInvite } from './actions/bind-invite'
import { createInvite } from './actions/create-invite'
import { importRoster } from './actions/import-roster'
import { listBranches } from './actions/list-branches'
import { listMembers } from './actions/list-members'
import { orgTree } from './actions/org-tree'
import { reindexSearch } from './actions/reindex-search'
import { search } from './actions/search'
import { whoami } from './actions/whoami'
import { bootstrapCommittee } from './bootstrap'

const routed = createMain(
  'org',
  {
    whoami,
    listBranches,
    listMembers,
    importRoster,
    createInvite,
    bindInvite,
    search,
    orgTree,
    reindexSearch,
    createUnit,
    renameUnit,
    moveUnit,
    mergeUnits,
    createGroup,
    renameGroup,
    moveGroup,
    mergeGroups,
    setSecretary,
    setGroupLeader,
    movePerson,
  },
  { anonymous: ['bindInvite'], roundTrips: ROUND_TRIPS },
)

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * `org`: who am I, the organisation tree, rosters, importing the roster and binding WeChat to it. The deploy's
 * own call (`isDeployCall`: keys-signed, no WeChat user, no `wx_` source) is the one way to `bootstrapCommittee`;
 * to every other caller it is an unknown action.
 */
export async function main(event: unknown) {
  if (isRecord(event) && event.action === 'bootstrapCommittee' && isDeployCall()) {
    try {
      return await bootstrapCommittee(event.payload)
    } catch {
      return { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }
    }
  }
  return routed(event)
}
