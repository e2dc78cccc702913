import type { InviteView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** A one-time code for a member of the secretary's branch to bind their WeChat with. */
export const createInvite = (personId: string): Promise<InviteView> =>
  callCloud('org', 'createInvite', { personId })
