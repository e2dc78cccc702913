import { EVIDENCE_EXTENSIONS } from '../../../domain/files'
import { fail } from '../../../types/result'
import { fileIdIssues } from '../../_shared/file-ids'
import { reviewStep } from '../../_shared/milestone-review'
import { getMilestone } from '../../_shared/repositories/milestones'
import { readingEarly } from '../../_shared/router'

/** The owner submits an open or returned milestone as done, with what was done and its evidence. */
export const submitMilestone = readingEarly<'checkins', 'submitMilestone'>()(
  ({ id }) => getMilestone(id),
  async ({ id, description, evidence }, { caller, early }) => {
    const issues = fileIdIssues(evidence, caller._id, EVIDENCE_EXTENSIONS, 'evidence')
    if (issues.length > 0) return fail('INVALID_INPUT', `附件有误：${issues[0].message}`, issues)
    return reviewStep({ id, action: 'submit', caller, description, evidence }, early)
  },
)
