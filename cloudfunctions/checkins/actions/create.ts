import { chinaDay, checkinTimeProblem } from '../../../domain/checkins'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { WORKING_STATUSES, canCheckIn } from '../../../domain/milestones'
import type { ActionParams } from '../../../types/api'
import type { Checkin, Milestone, Person, PlanTask, Project } from '../../../types/entities'
import type { CheckinCreated } from '../../../types/functions/checkins'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { toCheckinView, toFigures } from '../../_shared/checkin-views'
import { countCheckin, markCounted, takeIntoCounters } from '../../_shared/checkin-counters'
import type { StoredStats } from '../../_shared/checkin-counters'
import { COLLECTIONS, db } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import { checkinId } from '../../_shared/ids'
import { findByRequestId, getCheckin, getCheckinStats } from '../../_shared/repositories/checkins'
import { getMilestone, ownersOnTask } from '../../_shared/repositories/milestones'
import { getProject } from '../../_shared/repositories/projects'
import { readingEarly } from '../../_shared/router'

type Params = ActionParams<'checkins', 'create'>

/**
 * 打卡, with no transaction, in four round trips: the project, the milestone (or, with none named, who owns the
 * task's milestones) and any record of the same request travel with the caller's lookup; then, issued together,
 * the member's figures are read and the record is written, marked not counted; then the member's figures and
 * the shared counters, each a single-document write that adds this check-in exactly once
 * (checkin-counters.ts); then the mark that says it is counted. Nothing is counted before its record is stored,
 * so a run stopped anywhere leaves no count without a record: a stored record not yet marked is finished by the
 * request's retry or by the roll-up (countPending). The document id comes from the request id, so a retry,
 * however often and however concurrent, finds the first record and writes nothing twice.
 */
export const create = readingEarly<'checkins', 'create'>()(
  (params) =>
    Promise.all([
      getProject(params.projectId),
      params.milestoneId === undefined ? Promise.resolve(null) : getMilestone(params.milestoneId),
      findByRequestId(params.requestId),
      params.milestoneId === undefined ? ownersOnTask(params.projectId, params.taskId) : Promise.resolve([]),
    ]),
  async (params, { caller, early: [project, milestone, sameRequest, owners] }) => {
    const now = new Date()
    const requested = params.at === undefined ? now : new Date(params.at)
    const timeProblem = checkinTimeProblem(requested, now)
    if (timeProblem) return fail('INVALID_INPUT', timeProblem, [{ path: 'at', message: timeProblem }])
    const issues = fileIdIssues(params.photos, caller._id, PHOTO_EXTENSIONS, 'photos')
    if (issues.length > 0) return fail('INVALID_INPUT', `照片有误：${issues[0].message}`, issues)

    // A phone clock a little ahead counts as now, so no record is dated after the moment it arrived.
    const at = requested > now ? now : requested
    const id = checkinId(caller._id, params.requestId)
    const earlier = sameRequest.find((c) => c._id === id)
    if (earlier) return repeated(earlier, now)
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
    const onTask = canCheckIn(caller, task, milestone ? [milestone.ownerId] : [])
    const owner = !milestone && owners.includes(caller._id) && canCheckIn(caller, task, [caller._id])
    if (!onTask && !owner) return fail('FORBIDDEN', '只有任务的负责人和成员可以打卡')
    if (!WORKING_STATUSES.includes(project.status)) return fail('CONFLICT', '项目不在实施中，不能打卡')

    const checkin = draftCheckin({ params, caller, id, at, now, project, task, milestone })
    const [before, added] = await Promise.all([
      getCheckinStats(caller._id) as Promise<StoredStats | null>,
      Promise.resolve(db.collection(COLLECTIONS.checkins).add({ data: checkin })).then(
        () => true,
        () => false,
      ),
    ])
    if (!added) {
      // Stored by a concurrent attempt of the same request: answered as a repeat, counted if it is not yet.
      const stored = await getCheckin(id)
      if (!stored) throw new Error('check-in not stored')
      return repeated(stored, now)
    }
    const figures = await countCheckin(checkin, before)
    await markCounted(id, figures.seq)
    const recorded = { ...checkin, seq: figures.seq, counted: true }
    return ok({ checkin: toCheckinView(recorded), created: true, figures: toFigures(figures.stats, now) })
  },
)

/** The same request again: its record as it was, counted if the first run stopped before counting it. */
async function repeated(earlier: Checkin, now: Date): Promise<Result<CheckinCreated>> {
  const stats =
    earlier.counted === false
      ? (await takeIntoCounters(earlier)).stats
      : await getCheckinStats(earlier.personId)
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

/** The record as it is first written: not counted yet, so not numbered yet (0); counting gives its number. */
function draftCheckin(d: Draft): Checkin {
  const { params, caller, project, task, milestone } = d
  return {
    _id: d.id,
    requestId: params.requestId,
    seq: 0,
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
    day: chinaDay(d.at),
    place: params.place ?? null,
    createdAt: d.now,
    counted: false,
  }
}
