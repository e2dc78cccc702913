import { reviewStep } from '../../_shared/milestone-review'
import type { Handler } from '../../_shared/router'

/** The branch secretary or the committee approves a submission; the project's progress rises with it. */
export const approveMilestone: Handler<'checkins', 'approveMilestone'> = ({ id, comment }, { caller }) =>
  reviewStep({ id, action: 'approve', caller, comment })
