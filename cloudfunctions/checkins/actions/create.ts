import { countersOf } from '../../../domain/checkin-counts'
import { EMPTY_STATS, addCheckin, chinaDay, checkinTimeProblem } from '../../../domain/checkins'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { WORKING_STATUSES, canCheckIn } from '../../../domain/milestones'
import type { ActionParams } from '../../../types/api'
import type { Checkin, CheckinStats, Milestone, Person, PlanTask, Project } from '../../../types/entities'
import type { CheckinCreated } from '../../../types/functions/checkins'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { toCheckinView, toFigures } from '../../_shared/checkin-views'
import { COLLECTIONS, _ } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import { checkinId } from '../../_shared/ids'
import { findOwnedOnTask } from '../../_shared/repositories/milestones'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import type { Tx } from '../../_shared/transaction'

type Params = ActionParams<'checkins', 'create'>

/** The caller is not assigned to the task: whether they own one of its milestones must be looked up first. */
const NEEDS_OWNER = Symbol('needs owner')

/**
 * 打卡: one check-in, its member's figures and the project, task, milestone and branch counters, in one
 * transaction. The document id comes from the request id, so a retry, however often and however
 * concurrent, finds the first record and writes nothing.
 */
export const create: Handler<'checkins', 'create'> = async (params, { caller }) => {
  const now = new Date()
  const requested = params.at === undefined ? now : new Date(params.at)
  const timeProblem = checkinTimeProblem(requested, now)
  if (timeProblem) return fail('INVALID_INPUT', timeProblem, [{ path: 'at', message: timeProblem }])
  const issues = fileIdIssues(params.photos, caller._id, PHOTO_EXTENSIONS, 'photos')
  if (issues.length > 0) return fail('INVALID_INPUT', `照片有误：${issues[0].message}`, issues)

  // A phone clock a little ahead counts as now, so no record is dated after the moment it arrived.
  const at = requested > now ? now : requested
  const id = checkinId(caller._id, params.requestId)
  let owned: string | null | undefined
  // At most twice: the second attempt knows whether the caller owns a milestone of the task.
  for (;;) {
    const res = await runInTransaction((t) => record(t, { params, caller, id, at, now, owned }))
    if (res !== NEEDS_OWNER) return res
    owned = await findOwnedOnTask(params.projectId, params.taskId, caller._id)
  }
}

interface Attempt {
  params: Params
  caller: Person
  id: string
  at: Date
  now: Date
  /** The caller's milestone on the task: undefined until looked up, null when they own none. */
  owned: string | null | undefined
}

/**
 * Whether the caller may check in on the task (domain canCheckIn): assigned to it, or owner of the milestone
 * named, or of one of its milestones found beforehand and read again here, so that the answer is current.
 */
async function mayCheckIn(
  t: Tx,
  a: Attempt,
  project: Project,
  task: PlanTask,
  milestone: Milestone | null,
): Promise<boolean | typeof NEEDS_OWNER> {
  if (canCheckIn(a.caller, task, milestone ? [milestone.ownerId] : [])) return true
  if (milestone) return false
  if (a.owned === undefined) return NEEDS_OWNER
  const mine = a.owned ? await txGet<Milestone>(t, COLLECTIONS.milestones, a.owned) : null
  return (
    mine?.projectId === project._id && mine.taskId === task.id && canCheckIn(a.caller, task, [mine.ownerId])
  )
}

async function record(t: Tx, a: Attempt): Promise<Result<CheckinCreated> | typeof NEEDS_OWNER> {
  const { params, caller, now } = a
  const earlier = await txGet<Checkin>(t, COLLECTIONS.checkins, a.id)
  if (earlier) {
    const stats = await txGet<CheckinStats>(t, COLLECTIONS.checkinStats, caller._id)
    return ok({ checkin: toCheckinView(earlier), created: false, figures: toFigures(stats, now) })
  }
  const project = await txGet<Project>(t, COLLECTIONS.projects, params.projectId)
  if (!project) return fail('NOT_FOUND', '没有找到这个项目')
  const task = project.tasks.find((x) => x.id === params.taskId)
  if (!task) return fail('NOT_FOUND', '没有找到这个任务')
  let milestone: Milestone | null = null
  if (params.milestoneId !== undefined) {
    milestone = await txGet<Milestone>(t, COLLECTIONS.milestones, params.milestoneId)
    if (!milestone || milestone.projectId !== project._id) return fail('NOT_FOUND', '没有找到这个里程碑')
    if (milestone.taskId !== task.id) {
      return fail('INVALID_INPUT', '里程碑不属于这个任务', [
        { path: 'milestoneId', message: '里程碑不属于这个任务' },
      ])
    }
  }
  const allowed = await mayCheckIn(t, a, project, task, milestone)
  if (allowed === NEEDS_OWNER) return NEEDS_OWNER
  if (!allowed) return fail('FORBIDDEN', '只有任务的负责人和成员可以打卡')
  if (!WORKING_STATUSES.includes(project.status)) return fail('CONFLICT', '项目不在实施中，不能打卡')

  const before = (await txGet<CheckinStats>(t, COLLECTIONS.checkinStats, caller._id)) ?? EMPTY_STATS
  const day = chinaDay(a.at)
  const { total, streak, longestStreak, lastDay } = before
  const stats = addCheckin({ total, streak, longestStreak, lastDay }, day)
  const checkin: Checkin = {
    _id: a.id,
    requestId: params.requestId,
    seq: stats.total,
    personId: caller._id,
    personName: caller.name,
    branchId: project.branchId,
    projectId: project._id,
    projectTitle: project.title,
    taskId: task.id,
    taskTitle: task.title,
    milestoneId: milestone?._id ?? null,
    milestoneTitle: milestone?.title ?? null,
    text: params.text,
    photos: params.photos,
    at: a.at,
    day,
    place: params.place ?? null,
    createdAt: now,
  }
  await t.collection(COLLECTIONS.checkins).add({ data: checkin })
  await t
    .collection(COLLECTIONS.checkinStats)
    .doc(caller._id)
    .set({ data: { ...stats } })
  for (const { _id, scope, fields } of countersOf(checkin)) {
    // Counters exist after their first check-in: one increment, and a set only the first time.
    const counter = t.collection(COLLECTIONS.checkinCounts).doc(_id)
    const res = await counter.update({ data: { count: _.inc(1) } })
    if (!res.stats?.updated) await counter.set({ data: { ...fields, scope, count: 1 } })
  }
  return ok({ checkin: toCheckinView(checkin), created: true, figures: toFigures(stats, now) })
}
