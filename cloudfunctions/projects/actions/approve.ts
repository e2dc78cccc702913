import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'
import { tellDecision } from '../tell'

/** 立项: the committee approves a proposal (never one they submitted themselves). */
export const approve: Handler<'projects', 'approve'> = ({ id, comment }, { caller }) =>
  transition({
    id,
    action: 'approve',
    caller,
    comment,
    tell: tellDecision('approve', caller, comment),
    step: () => ({ ok: true, patch: { submittedBy: null } }),
  })
