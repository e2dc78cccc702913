import { reviewStep } from '../../_shared/milestone-review'
import { getMilestone } from '../../_shared/repositories/milestones'
import { readingEarly } from '../../_shared/router'

/** The branch secretary or the committee approves a submission; the project's progress rises with it. */
export const approveMilestone = readingEarly<'checkins', 'approveMilestone'>()(
  ({ id }) => getMilestone(id),
  ({ id, comment }, { caller, early }) => reviewStep({ id, action: 'approve', caller, comment }, early),
)
