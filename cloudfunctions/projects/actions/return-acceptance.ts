import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'
import { tellDecision } from '../tell'

/** The committee sends an acceptance request back to implementation, saying why. */
export const returnAcceptance: Handler<'projects', 'returnAcceptance'> = ({ id, comment }, { caller }) =>
  transition({
    id,
    action: 'return_acceptance',
    caller,
    comment,
    tell: tellDecision('return_acceptance', caller, comment),
    step: () => ({ ok: true, patch: { submittedBy: null } }),
  })
