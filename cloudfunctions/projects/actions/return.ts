import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'
import { tellDecision } from '../tell'

/** The committee returns a proposal with a comment saying why; the branch revises and resubmits. */
export const returnProposal: Handler<'projects', 'return'> = ({ id, comment }, { caller }) =>
  transition({
    id,
    action: 'return',
    caller,
    comment,
    tell: tellDecision('return', caller, comment),
    step: () => ({ ok: true, patch: { submittedBy: null } }),
  })
