import { planProjectDecision } from '../../domain/notifications'
import type { ProjectDecisionFact } from '../../domain/notifications'
import type { Person } from '../../types/entities'
import type { TransitionRequest } from '../_shared/transition'

/** The committee's decision on a proposal or acceptance request, told to the secretary who sent it. */
export const tellDecision =
  (
    decision: ProjectDecisionFact['decision'],
    caller: Person,
    comment: string | undefined,
    score?: number,
  ): NonNullable<TransitionRequest['tell']> =>
  (project, change, now) =>
    planProjectDecision({
      projectId: project._id,
      title: project.title,
      decision,
      secretaryId: project.submittedBy ?? project.ownerId,
      deciderId: caller._id,
      deciderName: caller.name,
      comment: comment ?? '',
      score,
      version: change.version,
      at: now,
    })
