import { EVIDENCE_EXTENSIONS } from '../../../domain/files'
import { fail } from '../../../types/result'
import { fileIdIssues } from '../../_shared/file-ids'
import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/** 结题申请: the secretary asks the committee to review the project, with a summary and evidence. */
export const requestAcceptance: Handler<'projects', 'requestAcceptance'> = async (
  { id, summary, evidence },
  { caller },
) => {
  const issues = fileIdIssues(evidence, caller._id, EVIDENCE_EXTENSIONS, 'evidence')
  if (issues.length > 0) return fail('INVALID_INPUT', `佐证材料有误：${issues[0].message}`, issues)
  return transition({
    id,
    action: 'request_acceptance',
    caller,
    step: () => ({
      ok: true,
      patch: {
        acceptance: { summary, evidence, requestedBy: caller._id, requestedAt: new Date() },
        submittedBy: caller._id,
      },
    }),
  })
}
