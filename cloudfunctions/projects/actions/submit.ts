import { describeMissing, missingProposalFields } from '../../../domain/proposal'
import type { ProposalVersion } from '../../../types/entities'
import { fail } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/** Sends a complete proposal to the committee and keeps a snapshot of exactly what was sent. */
export const submit: Handler<'projects', 'submit'> = ({ id }, { caller }) =>
  transition({
    id,
    action: 'submit',
    caller,
    step: (project) => {
      const missing = missingProposalFields(project)
      if (missing.length > 0) {
        return fail(
          'INVALID_INPUT',
          describeMissing(missing),
          missing.map((m) => ({ path: m.path, message: m.label })),
        )
      }
      return {
        ok: true,
        patch: { submittedBy: caller._id },
        write: async (t, change) => {
          const snapshot: ProposalVersion = {
            _id: `${project._id}-v${change.version}`,
            projectId: project._id,
            version: change.version,
            proposal: {
              title: project.title,
              category: project.category,
              slogan: project.slogan,
              problem: project.problem,
              answers: project.answers,
            },
            submittedBy: caller._id,
            at: new Date(),
          }
          await t.collection(COLLECTIONS.proposalVersions).add({ data: snapshot })
        },
      }
    },
  })
