import {
  DEFAULT_RUBRIC,
  acceptanceEvidenceProblem,
  recordedAcceptanceMethods,
  totalScore,
} from '../../../domain/acceptance'
import { fail } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'
import { tellDecision } from '../tell'

/**
 * 结题: the committee scores the project against the rubric, which is stored with the score; only once it has
 * recorded how it judged the project (听取汇报、调查走访 or 察看现场).
 */
export const accept: Handler<'projects', 'accept'> = async ({ id, scores, comment }, { caller }) => {
  const result = totalScore(DEFAULT_RUBRIC, scores)
  if (!result.ok) {
    return fail('INVALID_INPUT', result.message, [{ path: `scores.${result.key}`, message: result.message }])
  }
  return transition({
    id,
    action: 'accept',
    caller,
    comment,
    tell: tellDecision('accept', caller, comment, result.total),
    step: (project) => {
      const missing = acceptanceEvidenceProblem(recordedAcceptanceMethods(project.acceptanceMethods))
      if (missing) return fail('CONFLICT', missing)
      return {
        ok: true,
        patch: {
          submittedBy: null,
          score: {
            rubric: [...DEFAULT_RUBRIC],
            scores,
            total: result.total,
            comment: comment ?? '',
            scoredBy: caller._id,
            scoredAt: new Date(),
          },
        },
      }
    },
  })
}
