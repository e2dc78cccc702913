import { reviewStep } from '../../_shared/milestone-review'
import { getMilestone } from '../../_shared/repositories/milestones'
import { readingEarly } from '../../_shared/router'

/** Back to the owner with a comment saying why; they revise and submit again in a new round. */
export const returnMilestone = readingEarly<'checkins', 'returnMilestone'>()(
  ({ id }) => getMilestone(id),
  ({ id, comment }, { caller, early }) => reviewStep({ id, action: 'return', caller, comment }, early),
)
