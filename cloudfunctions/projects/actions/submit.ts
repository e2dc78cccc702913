import { chinaDay } from '../../../domain/checkins'
import { chinaYear } from '../../../domain/dates'
import { submitWindowRefusal } from '../../../domain/guide'
import { describeMissing, missingProposalFields } from '../../../domain/proposal'
import type { ProposalGuide, ProposalVersion } from '../../../types/entities'
import { fail } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { getGuides } from '../../_shared/repositories/guides'
import { readingEarly } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/**
 * The 选题指南 of last year, this year and next, read with the caller's lookup:
 * a published one sets the window the proposal is sent in.
 */
const recentGuides = (): Promise<Map<number, ProposalGuide>> => {
  const year = chinaYear(now())
  // Next year's too: a draft begun in next year's window is of next year (guide.ts draftYear).
  return getGuides([year - 1, year, year + 1])
}

/** Sends a complete proposal to the committee and keeps a snapshot of exactly what was sent. */
export const submit = readingEarly<'projects', 'submit'>()(
  recentGuides,
  ({ id }, { caller, early: guides }) =>
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
        const closed = submitWindowRefusal(guides.get(project.year) ?? null, chinaDay(now()), project.status)
        if (closed) return fail('CONFLICT', closed)
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
              problemIds: [...(project.problemIds ?? [])],
              submittedBy: caller._id,
              at: new Date(),
            }
            await t.collection(COLLECTIONS.proposalVersions).add({ data: snapshot })
          },
        }
      },
    }),
)
