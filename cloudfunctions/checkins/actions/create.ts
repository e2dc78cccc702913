import { EMPTY_STATS, addCheckin, chinaDay, checkinTimeProblem } from '../../../domain/checkins'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { WORKING_STATUSES, canCheckIn } from '../../../domain/milestones'
import type { ActionParams } from '../../../types/api'
import type { Checkin, CheckinStats, Milestone, Person, PlanTask, Project } from '../../../types/entities'
import type { CheckinCreated } from '../../../types/functions/checkins'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { toCheckinView, toFigures } from '../../_shared/checkin-views'
import { takeIntoCounters } from '../../_shared/checkin-counters'
import { COLLECTIONS } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import { checkinId } from '../../_shared/ids'
import { getCheckin, getCheckinStats } from '../../_shared/repositories/checkins'
import { findOwnedOnTask, getMilestone } from '../../_shared/repositories/milestones'
import { getProject } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import type { Tx } from '../../_shared/transaction'

type Params = ActionParams<'checkins', 'create'>

/**
 * 打卡: one check-in and its member's running figures in one transaction that touches only that member's
 * documents, then the shared project, task, milestone and branch counters as atomic increments outside it
 * (see takeIntoCounters). The document id comes from the request id, so a retry, however often and however
 * concurrent, finds the first record and writes nothing twice.
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
  // Everything the decision needs, read together: one round trip.
  const [earlier, project, milestone, owned] = await Promise.all([
    getCheckin(id),
    getProject(params.projectId),
    params.milestoneId === undefined ? null : getMilestone(params.milestoneId),
    params.milestoneId === undefined ? findOwnedOnTask(params.projectId, params.taskId, caller._id) : null,
  ])
  if (earlier) return repeated(earlier, caller, now)
  if (!project) return fail('NOT_FOUND', '没有找到这个项目')
  const task = project.tasks.find((x) => x.id === params.taskId)
  if (!task) return fail('NOT_FOUND', '没有找到这个任务')
  if (params.milestoneId !== undefined) {
    if (!milestone || milestone.projectId !== project._id) return fail('NOT_FOUND', '没有找到这个里程碑')
    if (milestone.taskId !== task.id) {
      return fail('INVALID_INPUT', '里程碑不属于这个任务', [
        { path: 'milestoneId', message: '里程碑不属于这个任务' },
      ])
    }
  }
  const owners = milestone ? [milestone.ownerId] : owned ? [caller._id] : []
  if (!canCheckIn(caller, task, owners)) return fail('FORBIDDEN', '只有任务的负责人和成员可以打卡')
  if (!WORKING_STATUSES.includes(project.status)) return fail('CONFLICT', '项目不在实施中，不能打卡')

  const draft = { params, caller, id, at, now, project, task, milestone }
  const res = await runInTransaction((t) => record(t, draft))
  if (res.created) await takeIntoCounters(res.checkin)
  return ok({ checkin: toCheckinView(res.checkin), created: res.created, figures: toFigures(res.stats, now) })
}

/** The same request again: its record as it was, counted if the first run stopped before counting it. */
async function repeated(earlier: Checkin, caller: Person, now: Date): Promise<Result<CheckinCreated>> {
  const [stats] = await Promise.all([
    getCheckinStats(caller._id),
    earlier.counted === false ? takeIntoCounters(earlier) : null,
  ])
  return ok({ checkin: toCheckinView(earlier), created: false, figures: toFigures(stats, now) })
}

interface Draft {
  params: Params
  caller: Person
  id: string
  at: Date
  now: Date
  project: Project
  task: PlanTask
  milestone: Milestone | null
}

/** The transaction: only the member's own check-in and figures, so only their own concurrent taps contend. */
async function record(
  t: Tx,
  d: Draft,
): Promise<{ checkin: Checkin; stats: CheckinStats | null; created: boolean }> {
  const { params, caller, now, project, task, milestone } = d
  const [earlier, before] = await Promise.all([
    txGet<Checkin>(t, COLLECTIONS.checkins, d.id),
    txGet<CheckinStats>(t, COLLECTIONS.checkinStats, caller._id),
  ])
  if (earlier) return { checkin: earlier, stats: before, created: false }
  const day = chinaDay(d.at)
  const { total, streak, longestStreak, lastDay } = before ?? EMPTY_STATS
  const stats = addCheckin({ total, streak, longestStreak, lastDay }, day)
  const checkin: Checkin = {
    _id: d.id,
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
    at: d.at,
    day,
    place: params.place ?? null,
    createdAt: now,
    counted: false,
  }
  await Promise.all([
    t.collection(COLLECTIONS.checkins).add({ data: checkin }),
    t
      .collection(COLLECTIONS.checkinStats)
      .doc(caller._id)
      .set({ data: { ...stats } }),
  ])
  return { checkin, stats, created: true }
}
