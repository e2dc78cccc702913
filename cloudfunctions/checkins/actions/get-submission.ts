import { milestoneCounterId, taskCounterId } from '../../../domain/checkin-counts'
import { chinaDay, dueState } from '../../../domain/checkins'
import { formatDay } from '../../../domain/dates'
import { canViewBranch, isCommittee, isSecretaryOf } from '../../../domain/roles'
import { MILESTONE_ACTIONS } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { checkinViewFor, toRecordView, visibleTo } from '../../_shared/checkin-views'
import { milestoneNotFound, reviewRefusal } from '../../_shared/milestone-review'
import { iso, personRef } from '../../_shared/project-views'
import { getCounts, listTaskCheckins } from '../../_shared/repositories/checkins'
import { getMilestone, listMilestoneRecords } from '../../_shared/repositories/milestones'
import { getPersonNames } from '../../_shared/repositories/people'
import { getProject } from '../../_shared/repositories/projects'
import { readingEarly } from '../../_shared/router'

/**
 * What the approver opens: the submission and its evidence, every earlier round, and the work behind it. Reads:
 * the milestone with the caller and its records, then everything else at once (3 round trips with the links).
 */
export const getSubmission = readingEarly<'checkins', 'getSubmission'>()(
  ({ id }) => Promise.all([getMilestone(id), listMilestoneRecords(id)]),
  async (_params, { caller, early, links }) => {
    const [m, records] = early
    if (!m) return milestoneNotFound()
    if (!canViewBranch(caller, m.branchId)) return fail('FORBIDDEN', '只能查看本支部的里程碑')
    links.prefetch([m.evidence, records])
    const counters = [milestoneCounterId(m._id), taskCounterId(m.projectId, m.taskId)]
    const [project, checkins, counts, names] = await Promise.all([
      getProject(m.projectId),
      listTaskCheckins(m.projectId, m.taskId, 20),
      getCounts(counters),
      getPersonNames([m.ownerId, m.submittedBy ?? '']),
    ])
    if (!project) return fail('NOT_FOUND', '没有找到这个项目')
    // The secretary and the committee see withdrawn check-ins (marked) and what each said before an edit.
    const viewer = {
      callerId: caller._id,
      staff: isCommittee(caller) || isSecretaryOf(caller, m.branchId),
      milestones: new Map([[m._id, m.status]]),
      now: new Date(),
    }
    const deadline = m.deadline ? formatDay(m.deadline) : null
    return ok({
      milestone: {
        id: m._id,
        title: m.title,
        weight: m.weight,
        status: m.status,
        deadline,
        dueState: dueState(deadline, m.status === 'approved', chinaDay(new Date())),
        qualityStandard: m.qualityStandard,
        expectedGoal: m.expectedGoal,
        owner: personRef(m.ownerId, names),
        round: m.round ?? 0,
        submittedBy: personRef(m.submittedBy ?? null, names),
        submittedAt: m.submittedAt ? iso(m.submittedAt) : null,
        description: m.description ?? '',
        evidence: m.evidence ?? [],
        lastComment: m.lastComment ?? '',
        checkins: counts.get(counters[0]) ?? 0,
      },
      project: {
        id: project._id,
        title: project.title,
        branchId: project.branchId,
        branchName: project.branchName,
        status: project.status,
        progress: project.progress,
      },
      task: {
        id: m.taskId,
        title: project.tasks.find((t) => t.id === m.taskId)?.title ?? '',
        checkins: counts.get(counters[1]) ?? 0,
      },
      history: records.map(toRecordView),
      checkins: visibleTo(checkins, viewer).map((c) => checkinViewFor(c, viewer)),
      can: MILESTONE_ACTIONS.filter((a) => reviewRefusal(caller, a, m, project) === null),
    })
  },
)
