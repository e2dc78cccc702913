import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/** 结题申请: the secretary asks the committee to review the project, with a summary and evidence. */
export const requestAcceptance: Handler<'projects', 'requestAcceptance'> = (
  { id, summary, evidence },
  { caller },
) =>
  transition({
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
