import { approvalScope } from '../../../domain/milestones'
import { ok } from '../../../types/result'
import { countInbox } from '../../_shared/repositories/milestones'
import type { Handler } from '../../_shared/router'

/** The 待审批 badge: one indexed count; a member, who approves nothing, gets 0 without a read. */
export const inboxCount: Handler<'checkins', 'inboxCount'> = async (_params, { caller }) => {
  const scope = approvalScope(caller)
  return ok({ count: scope ? await countInbox(scope, caller._id) : 0 })
}
