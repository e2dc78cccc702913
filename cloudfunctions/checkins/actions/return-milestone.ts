import { reviewStep } from '../../_shared/milestone-review'
import type { Handler } from '../../_shared/router'

/** Back to the owner with a comment saying why; they revise and submit again in a new round. */
export const returnMilestone: Handler<'checkins', 'returnMilestone'> = ({ id, comment }, { caller }) =>
  reviewStep({ id, action: 'return', caller, comment })
