import { cloud } from '../_shared/cloud'
import { createMain } from '../_shared/router'
import { bindInvite } from './actions/bind-invite'
import { createInvite } from './actions/create-invite'
import { importRoster } from './actions/import-roster'
import { listBranches } from './actions/list-branches'
import { listMembers } from './actions/list-members'
import { whoami } from './actions/whoami'
import { bootstrapCommittee } from './bootstrap'

const routed = createMain(
  'org',
  { whoami, listBranches, listMembers, importRoster, createInvite, bindInvite },
  { anonymous: ['bindInvite'] },
)

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * `org`: who am I, the organisation tree, rosters, importing the roster and binding WeChat to it. A call with no
 * WeChat user can only come from someone holding the environment's keys (the app always has one; the function has
 * no HTTP access): that is the one way to `bootstrapCommittee`.
 */
export async function main(event: unknown) {
  if (isRecord(event) && event.action === 'bootstrapCommittee' && !cloud.getWXContext().OPENID) {
    try {
      return await bootstrapCommittee(event.payload)
    } catch {
      return { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }
    }
  }
  return routed(event)
}
