import { averageRating, recordedAcceptanceMethods } from '../../../domain/acceptance'
import { planProblems } from '../../../domain/plan'
import { availableActions, canReadProject } from '../../../domain/project-permissions'
import { missingProposalFields } from '../../../domain/proposal'
import { chinaDay } from '../../../domain/checkins'
import { formatDay } from '../../../domain/dates'
import { isCommittee, isLeader, isSecretaryOf } from '../../../domain/roles'
import { isRectificationOverdue } from '../../../domain/supervision'
import type { AcceptanceMethodRecord } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import {
  iso,
  peopleOfPlan,
  personRef,
  toEventView,
  toSummary,
  toTaskViews,
  toWorkViews,
} from '../../_shared/project-views'
import { getProblems, readCategoryNames } from '../../_shared/repositories/guides'
import { getPersonNames } from '../../_shared/repositories/people'
import {
  getProject,
  listMilestones,
  listRecentCheckins,
  listRecentEvents,
  listRecentReviews,
} from '../../_shared/repositories/projects'
import { listPendingRectificationsOf } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { projectNotFound } from '../../_shared/transition'

/**
 * The project page in four sequential reads: caller (router), then project, plan, timeline and (for leaders)
 * pending 整改 at once, then names.
 */
export const get: Handler<'projects', 'get'> = async ({ id }, { caller }) => {
  // Only the branch secretary and the committee see 整改: nobody else's read asks for it.
  const mayFix = isLeader(caller)
  const [project, milestones, events, fixes, reviews, checkins] = await Promise.all([
    getProject(id),
    listMilestones(id),
    listRecentEvents(id, 50),
    mayFix ? listPendingRectificationsOf(id) : [],
    listRecentReviews(id, 50),
    listRecentCheckins(id, 30),
  ])
  if (!project) return projectNotFound()
  if (!canReadProject(caller, project)) return fail('FORBIDDEN', '只能查看本支部的项目')
  // The year's category names and the linked 调研 problems beside the people's names.
  const [names, categoryNames, linked] = await Promise.all([
    getPersonNames(peopleOfPlan(project, milestones)),
    readCategoryNames([project.year]),
    getProblems(project.problemIds ?? []),
  ])
  const missing = missingProposalFields(project)
  const problems = planProblems(project.tasks, milestones)
  const { acceptance, score } = project
  return ok({
    ...toSummary(project, categoryNames),
    problem: project.problem,
    answers: project.answers,
    owner: personRef(project.ownerId, names),
    version: project.version,
    tasks: toTaskViews(project.tasks, milestones, names),
    checklist: project.checklist,
    acceptance: acceptance && {
      summary: acceptance.summary,
      evidence: acceptance.evidence,
      requestedAt: iso(acceptance.requestedAt),
    },
    acceptanceMethods: recordedAcceptanceMethods(project.acceptanceMethods).map((method) => {
      const m = project.acceptanceMethods?.[method] as AcceptanceMethodRecord
      return {
        method,
        notes: m.notes,
        photos: m.photos,
        visited: m.visited,
        opinion: m.opinion,
        byName: m.byName,
        at: iso(m.at),
      }
    }),
    score: score && {
      rubric: score.rubric,
      scores: score.scores,
      total: score.total,
      comment: score.comment,
      scoredAt: iso(score.scoredAt),
    },
    rating: { count: project.rating.count, average: averageRating(project.rating) },
    events: events.map(toEventView),
    work: toWorkViews(reviews, checkins, milestones),
    can: availableActions(caller, project, { missingFields: missing.length, planProblems: problems.length }),
    missingFields: missing.map((m) => m.label),
    problemIds: project.problemIds ?? [],
    problems: (project.problemIds ?? []).flatMap((pid) => {
      const p = linked.get(pid)
      return p ? [{ id: p._id, text: p.text, field: p.field }] : []
    }),
    planProblems: problems.map((p) => p.message),
    rectifications:
      isCommittee(caller) || isSecretaryOf(caller, project.branchId)
        ? fixes.map((r) => ({
            id: r._id,
            spotCheckId: r.spotCheckId,
            text: r.text,
            deadline: formatDay(r.deadline),
            status: r.status === 'done' ? ('done' as const) : ('open' as const),
            overdue: isRectificationOverdue(r, chinaDay(new Date())),
          }))
        : [],
    borrowedFrom: project.borrowedFrom ?? null,
  })
}
