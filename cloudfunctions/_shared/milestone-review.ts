import { MILESTONE_ACTION_LABELS, MILESTONE_STATUS_LABELS, STATUS_LABELS } from '../../domain/labels'
import {
  REVIEW_STATUSES,
  WORKING_STATUSES,
  milestoneStep,
  progressWithApproved,
  recordId,
} from '../../domain/milestones'
import type { Milestone, MilestoneAction, MilestoneRecord, Person, Project } from '../../types/entities'
import type { MilestoneChange } from '../../types/functions/checkins'
import { fail, ok } from '../../types/result'
import type { Fail, Result } from '../../types/result'
import { planMilestoneDecision } from '../../domain/notifications'
import { COLLECTIONS } from './cloud'
import { notifyInTx, settingsOf, wanted } from './notify'
import { getMilestone } from './repositories/milestones'
import { getProject, listMilestones } from './repositories/projects'
import { replacing, runInTransaction, txGet } from './transaction'

export const milestoneNotFound = (): Fail => fail('NOT_FOUND', '没有找到这个里程碑')

/** Why `caller` may not take `action` on milestone `m` of `project` now, or null when they may. */
export function reviewRefusal(
  caller: Person,
  action: MilestoneAction,
  m: Milestone,
  project: Pick<Project, 'status'>,
): Fail | null {
  const step = milestoneStep(caller, action, m)
  if (!step.ok && step.reason === 'OWN_SUBMISSION') return fail('FORBIDDEN', '不能审批自己提交的成果')
  if (!step.ok && step.reason === 'FORBIDDEN') {
    return action === 'submit'
      ? fail('FORBIDDEN', '只有里程碑责任人可以提交成果')
      : fail('FORBIDDEN', '只有本支部书记或党委可以审批里程碑')
  }
  const label = MILESTONE_ACTION_LABELS[action]
  if (!step.ok)
    return fail('CONFLICT', `里程碑当前状态为“${MILESTONE_STATUS_LABELS[m.status]}”，不能${label}`)
  const statuses = action === 'submit' ? WORKING_STATUSES : REVIEW_STATUSES
  if (!statuses.includes(project.status)) {
    return fail('CONFLICT', `项目当前状态为“${STATUS_LABELS[project.status]}”，不能${label}`)
  }
  return null
}

export interface ReviewRequest {
  id: string
  action: MilestoneAction
  caller: Person
  comment?: string
  description?: string
  evidence?: string[]
}

/** The project changed between the reads and the transaction: read again and retry. */
const STALE = Symbol('stale')

/**
 * One review step, all or nothing: the milestone moves on, the step is recorded in milestone_submissions,
 * and the project's version goes up (so a plan saved from an older read is refused instead of overwriting
 * the review), with its progress when a milestone is approved. Two approvers at once: the second finds the
 * milestone already decided and gets CONFLICT.
 */
export async function reviewStep(req: ReviewRequest): Promise<Result<MilestoneChange>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await attemptStep(req)
    if (res !== STALE) return res
  }
  return fail('CONFLICT', '项目刚被其他人修改，请稍后重试')
}

async function attemptStep(req: ReviewRequest): Promise<Result<MilestoneChange> | typeof STALE> {
  // Progress rolls up every milestone of the project, which a WeChat transaction cannot query. They are read
  // first, after the project, whose version then says inside the transaction whether they are still current.
  let expected: { version: number; siblings: Milestone[] } | null = null
  if (req.action === 'approve') {
    const before = await getMilestone(req.id)
    if (!before) return milestoneNotFound()
    const project = await getProject(before.projectId)
    if (!project) return fail('NOT_FOUND', '没有找到这个项目')
    expected = { version: project.version, siblings: await listMilestones(project._id) }
  }
  return runInTransaction(async (t): Promise<Result<MilestoneChange> | typeof STALE> => {
    const m = await txGet<Milestone>(t, COLLECTIONS.milestones, req.id)
    if (!m) return milestoneNotFound()
    // A decision is told to the member who submitted: their settings are read alongside the project.
    const member = m.submittedBy ?? m.ownerId
    const [project, settings] = await Promise.all([
      txGet<Project>(t, COLLECTIONS.projects, m.projectId),
      settingsOf(req.action === 'submit' ? [] : [member]),
    ])
    if (!project) return fail('NOT_FOUND', '没有找到这个项目')
    const refused = reviewRefusal(req.caller, req.action, m, project)
    if (refused) return refused
    if (expected && expected.version !== project.version) return STALE

    const now = new Date()
    const step = milestoneStep(req.caller, req.action, m)
    const to = step.ok ? step.to : m.status
    const round = req.action === 'submit' ? (m.round ?? 0) + 1 : (m.round ?? 0)
    const progress = expected ? progressWithApproved(expected.siblings, m._id) : project.progress
    const record: MilestoneRecord = {
      _id: recordId(m._id, round, req.action),
      milestoneId: m._id,
      projectId: m.projectId,
      branchId: m.branchId,
      round,
      action: req.action,
      from: m.status,
      to,
      actorId: req.caller._id,
      actorName: req.caller.name,
      description: req.description ?? '',
      evidence: req.evidence ?? [],
      comment: req.comment ?? '',
      at: now,
    }
    const review =
      req.action === 'submit'
        ? {
            round,
            submittedBy: req.caller._id,
            submittedAt: now,
            description: record.description,
            evidence: record.evidence,
          }
        : { decidedBy: req.caller._id, decidedAt: now, lastComment: record.comment }
    await t
      .collection(COLLECTIONS.milestones)
      .doc(m._id)
      .update({ data: replacing({ ...review, status: to, updatedAt: now }) })
    const told =
      req.action === 'submit'
        ? []
        : planMilestoneDecision({
            milestoneId: m._id,
            title: m.title,
            projectTitle: project.title,
            round,
            decision: req.action,
            memberId: member,
            deciderId: req.caller._id,
            deciderName: req.caller.name,
            comment: record.comment,
            at: now,
          })
    await Promise.all([
      t.collection(COLLECTIONS.milestoneSubmissions).add({ data: record }),
      ...notifyInTx(t, wanted(told, settings), now),
    ])
    await t
      .collection(COLLECTIONS.projects)
      .doc(project._id)
      .update({ data: { progress, version: project.version + 1, updatedAt: now } })
    return ok({ id: m._id, status: to, round, projectProgress: progress })
  })
}
