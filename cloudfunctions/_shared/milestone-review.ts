import { MILESTONE_ACTION_LABELS, MILESTONE_STATUS_LABELS, STATUS_LABELS } from '../../domain/labels'
import {
  REVIEW_STATUSES,
  WORKING_STATUSES,
  milestoneStep,
  progressWithApproved,
  recordId,
} from '../../domain/milestones'
import type {
  Milestone,
  MilestoneAction,
  MilestoneRecord,
  MilestoneStatus,
  Person,
  Project,
} from '../../types/entities'
import type { MilestoneChange } from '../../types/functions/checkins'
import { fail, ok } from '../../types/result'
import type { Fail, Result } from '../../types/result'
import { planMilestoneDecision } from '../../domain/notifications'
import { COLLECTIONS, db, _ } from './cloud'
import { eventMessage, settingsOf, wanted } from './notify'
import type { KindSettings } from './notify'
import { getMilestone, getRecord } from './repositories/milestones'
import { getProject, listMilestones } from './repositories/projects'
import { TransactionBusy, replacing } from './transaction'

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

/**
 * One review step. The milestone moves on by a conditional update that holds only while it is still in the
 * state the decision was judged on (one document, atomic: of two approvers at once, one wins and the other is
 * judged again on what it finds, a CONFLICT); then, issued together, the step's record in
 * milestone_submissions, the notifications, and the project's version (so a plan saved from an older read is
 * refused) with its progress when a milestone is approved. No transaction: CloudBase's would cost a round trip
 * to open, one per step and one to commit. Round trips: the milestone (with the caller, see `readingEarly`),
 * then the project, its milestones, settings and the step's record at once, the move, the rest at once: 4.
 *
 * A run stopped after the move is finished by its retry: the caller finds their own decision standing without
 * its record, and the missing writes are made (each is keyed, so none is made twice).
 */
export async function reviewStep(
  req: ReviewRequest,
  found: Milestone | null,
): Promise<Result<MilestoneChange>> {
  let m = found
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!m) return milestoneNotFound()
    const member = m.submittedBy ?? m.ownerId
    const [project, siblings, settings, stored] = await Promise.all([
      getProject(m.projectId),
      req.action === 'approve' ? listMilestones(m.projectId) : Promise.resolve([]),
      settingsOf(req.action === 'submit' ? [] : [member]),
      getRecord(recordId(m._id, m.round ?? 0, req.action)),
    ])
    if (!project) return fail('NOT_FOUND', '没有找到这个项目')
    if (!stored && isOwnStep(req, m)) return finish(req, planOf(req, m, project, siblings, true), settings)
    const refused = reviewRefusal(req.caller, req.action, m, project)
    if (refused) return refused
    const plan = planOf(req, m, project, siblings, false)
    const moved = (await db
      .collection(COLLECTIONS.milestones)
      .where({ _id: m._id, status: m.status, ...(m.round === undefined ? {} : { round: m.round }) })
      .update({ data: replacing({ ...plan.review, status: plan.to, updatedAt: plan.now }) })) as Updated
    if (moved.stats?.updated) return finish(req, plan, settings)
    // Someone moved it first: judge the decision again on what is stored now.
    m = await getMilestone(req.id)
  }
  return fail('CONFLICT', '其他人正在同时处理这个里程碑，请稍后重试')
}

interface Updated {
  stats?: { updated?: number }
}

interface Plan {
  m: Milestone
  project: Project
  siblings: Milestone[]
  to: MilestoneStatus
  round: number
  now: Date
  record: MilestoneRecord
  review: Record<string, unknown>
}

/** The caller's own step already stored (the milestone is where this step takes it, by them): a retry. */
function isOwnStep(req: ReviewRequest, m: Milestone): boolean {
  if (req.action === 'submit') return m.status === 'submitted' && m.submittedBy === req.caller._id
  const to = req.action === 'approve' ? 'approved' : 'returned'
  return m.status === to && m.decidedBy === req.caller._id
}

/** What the step writes. `done`: the milestone already moved (a retry), so its stored state is the result. */
function planOf(
  req: ReviewRequest,
  m: Milestone,
  project: Project,
  siblings: Milestone[],
  done: boolean,
): Plan {
  const now = new Date()
  const step = milestoneStep(req.caller, req.action, m)
  const to = done ? m.status : step.ok ? step.to : m.status
  const round = req.action === 'submit' && !done ? (m.round ?? 0) + 1 : (m.round ?? 0)
  const record: MilestoneRecord = {
    _id: recordId(m._id, round, req.action),
    milestoneId: m._id,
    projectId: m.projectId,
    branchId: m.branchId,
    round,
    action: req.action,
    from: done ? (req.action === 'submit' ? 'open' : 'submitted') : m.status,
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
  return { m, project, siblings, to, round, now, record, review }
}

/** The record, the notifications and the project, issued together once the milestone has moved. */
async function finish(
  req: ReviewRequest,
  plan: Plan,
  settings: KindSettings,
): Promise<Result<MilestoneChange>> {
  const { m, project, now, record } = plan
  const member = m.submittedBy ?? m.ownerId
  const told =
    req.action === 'submit'
      ? []
      : planMilestoneDecision({
          milestoneId: m._id,
          title: m.title,
          projectTitle: project.title,
          round: plan.round,
          decision: req.action,
          memberId: member,
          deciderId: req.caller._id,
          deciderName: req.caller.name,
          comment: record.comment,
          at: now,
        })
  const [, , progress] = await Promise.all([
    addOnce(COLLECTIONS.milestoneSubmissions, record),
    Promise.all(wanted(told, settings).map((p) => addOnce(COLLECTIONS.messages, eventMessage(p, now)))),
    req.action === 'approve'
      ? raiseProgress(project, plan.siblings, m._id, now)
      : bumpVersion(project._id, now),
  ])
  return ok({ id: m._id, status: plan.to, round: plan.round, projectProgress: progress ?? project.progress })
}

/** Adds a keyed document; one already stored under its `_id` (a retry) stays as it is. */
async function addOnce(collection: string, doc: { _id: string }): Promise<void> {
  try {
    await db.collection(collection).add({ data: doc })
  } catch (err) {
    if (await exists(collection, doc._id)) return
    throw err
  }
}

async function exists(collection: string, id: string): Promise<boolean> {
  const res = (await db.collection(collection).where({ _id: id }).count()) as { total: number }
  return res.total > 0
}

/** A newer version for a step that leaves progress as it is (so plans saved from older reads are refused). */
async function bumpVersion(projectId: string, now: Date): Promise<null> {
  await db
    .collection(COLLECTIONS.projects)
    .doc(projectId)
    .update({ data: { version: _.inc(1), updatedAt: now } })
  return null
}

/**
 * The project's progress with this milestone approved, written only over the version it was computed from. If the
 * project changed meanwhile (another milestone approved at the same moment), its milestones are read again, the
 * approval now among them, and the progress computed again.
 */
async function raiseProgress(
  project: Project,
  siblings: Milestone[],
  approvedId: string,
  now: Date,
): Promise<number> {
  let current = project
  let milestones = siblings
  for (let attempt = 0; attempt < 5; attempt++) {
    const progress = progressWithApproved(milestones, approvedId)
    const res = (await db
      .collection(COLLECTIONS.projects)
      .where({ _id: current._id, version: current.version })
      .update({ data: { progress, version: current.version + 1, updatedAt: now } })) as Updated
    if (res.stats?.updated) return progress
    const [fresh, list] = await Promise.all([getProject(current._id), listMilestones(current._id)])
    if (!fresh) return progress
    current = fresh
    milestones = list
  }
  throw new TransactionBusy()
}
