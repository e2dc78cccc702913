import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/** The secretary takes a proposal back before the committee decides; it becomes a draft again. */
export const withdraw: Handler<'projects', 'withdraw'> = ({ id, comment }, { caller }) =>
  transition({
    id,
    action: 'withdraw',
    caller,
    comment,
    step: () => ({ ok: true, patch: { submittedBy: null } }),
  })
