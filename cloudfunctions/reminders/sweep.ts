import { formatDay, parseDay } from '../../domain/dates'
import {
  digestFigures,
  lectureReminderKind,
  planApprovals,
  planDigest,
  planLecture,
  planMilestones,
  planNewLecture,
  planReviews,
} from '../../domain/reminders'
import { latestEscalatedDeadline, sweepWindows } from '../../domain/reminder-calendar'
import type { Leaders, MilestoneFact, SubmissionFact } from '../../domain/reminders'
import type { SweepWindows } from '../../domain/reminder-calendar'
import { isInspectionSweepDay, planInspections } from '../../domain/inspection-cadence'
import type { InspectionFact } from '../../domain/inspection-cadence'
import { planRectifications } from '../../domain/notifications'
import { COMPANY_AUDIENCE } from '../../types/entities'
import type { ReminderConfig } from '../_shared/reminder-config'
import { rectificationFact } from '../_shared/notify'
import { getRuns, markRun } from '../_shared/repositories/messages'
import {
  countOverdueByProject,
  countReviews,
  forEachAudiencePage,
  getBranchNames,
  getLectureRows,
  getPeopleBrief,
  getProjectRows,
  listCompletedLearners,
  listNewListings,
  listOpenMilestonesByDeadline,
  listOpenRectificationsByDeadline,
  listRequiredListings,
  listRunningProjects,
  listWaitingReviews,
  listWaitingSubmissions,
  loadLeaders,
  listPlannedAssignments,
  loadSupervisors,
} from '../_shared/repositories/reminder-sources'
import type { PlannedAssignment } from '../_shared/repositories/reminder-sources'
import { getBranchStatuses } from '../_shared/repositories/supervision-records'
import { timerBudgetMs } from '../_shared/clock'
import { deliver, sendDeferred, startSweep } from './deliver'
import type { Sweep, SweepSummary } from './deliver'

/**
 * One sweep at `now`: pushes deferred by quiet hours go out (when they are over), then what is due is
 * planned (domain/reminders.ts) from index-backed range reads and delivered. With nothing due it makes seven
 * reads (deferred pushes and six windows; eight on the digest's day, for its run marker; one more near a month's
 * end or start, for the 定期检查 plans) and writes nothing.
 * It stops by elapsed time (timerBudgetMs, 45 s of the function's 60 s): messages not yet written are
 * planned again by the next sweep, and pushes not yet sent wait as `deferred` for it, so nothing is lost or
 * sent twice.
 */
export async function sweep(now: Date, config: ReminderConfig): Promise<SweepSummary> {
  const w = sweepWindows(now, config.rules)
  // Past its budget the sweep stops writing and sending; the next run picks up what is left.
  const run = startSweep(now, w.quiet, config, Date.now() + timerBudgetMs())
  if (!w.quiet) await sendDeferred(run)

  const digestRun = w.digest ? `digest:${w.digest}` : null
  const year = Number(w.today.slice(0, 4))
  const [open, waiting, reviews, digestDone, fixes, planned] = await Promise.all([
    listOpenMilestonesByDeadline(w.milestoneDeadlines.from, w.milestoneDeadlines.to),
    listWaitingSubmissions(w.submittedAt.from, w.submittedAt.to),
    listWaitingReviews(w.reviewSince.from, w.reviewSince.to),
    digestRun ? getRuns([digestRun]).then((done) => done.size > 0) : true,
    listOpenRectificationsByDeadline(w.rectificationDeadlines.from, w.rectificationDeadlines.to),
    isInspectionSweepDay(w.today, config.rules) ? listPlannedAssignments(year - 1) : [],
  ])
  const escalateBy = latestEscalatedDeadline(w.today, config.rules)
  const needLeaders =
    waiting.length > 0 ||
    reviews.length > 0 ||
    !digestDone ||
    open.some((m) => m.deadline !== null && formatDay(m.deadline) <= escalateBy)
  const leaders: Leaders = needLeaders ? await loadLeaders() : { secretaries: {}, committee: [] }

  if (open.length > 0 || waiting.length > 0) await milestones(run, w, open, waiting, leaders)
  if (reviews.length > 0) {
    const names = await namesOf(reviews.flatMap((r) => (r.submittedBy ? [r.submittedBy] : [])))
    const facts = reviews.map((r) => ({
      projectId: r._id,
      title: r.title,
      branchName: r.branchName,
      status: r.status,
      // An acceptance request keeps its own time; approvals meanwhile move the project's updatedAt.
      since: (r.status === 'acceptance_requested' && r.acceptance?.requestedAt) || r.updatedAt,
      submittedBy: r.submittedBy,
      submitterName: (r.submittedBy && names.get(r.submittedBy)) || '',
    }))
    await deliver(run, planReviews(facts, now, config.rules, leaders))
  }
  if (fixes.length > 0) await rectifications(run, w, fixes)
  if (planned.length > 0) await inspections(run, w, planned)
  await lectures(run, w)
  if (w.digest && digestRun && !digestDone) await digest(run, w, w.digest, digestRun, leaders)
  return run.summary
}

async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  return new Map((await getPeopleBrief(ids)).map((p) => [p._id, p.name]))
}

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>

async function milestones(
  run: Sweep,
  w: SweepWindows,
  open: Rows<typeof listOpenMilestonesByDeadline>,
  waiting: Rows<typeof listWaitingSubmissions>,
  leaders: Leaders,
): Promise<void> {
  const all = [...open, ...waiting]
  const [projects, names] = await Promise.all([
    getProjectRows(all.map((m) => m.projectId)).then((rows) => new Map(rows.map((p) => [p._id, p]))),
    namesOf(all.flatMap((m) => [m.ownerId, ...(m.submittedBy ? [m.submittedBy] : [])])),
  ])
  const due: MilestoneFact[] = open.flatMap((m) => {
    const p = projects.get(m.projectId)
    if (!p || !m.deadline) return []
    return [
      {
        id: m._id,
        title: m.title,
        projectId: m.projectId,
        projectTitle: p.title,
        projectStatus: p.status,
        branchId: m.branchId,
        ownerId: m.ownerId,
        ownerName: names.get(m.ownerId) ?? '',
        status: m.status,
        deadline: formatDay(m.deadline),
      },
    ]
  })
  const submitted: SubmissionFact[] = waiting.flatMap((m) => {
    const p = projects.get(m.projectId)
    if (!p || !m.submittedAt || !m.submittedBy) return []
    return [
      {
        milestoneId: m._id,
        title: m.title,
        projectId: m.projectId,
        projectTitle: p.title,
        projectStatus: p.status,
        branchId: m.branchId,
        round: m.round ?? 1,
        submittedBy: m.submittedBy,
        submitterName: names.get(m.submittedBy) ?? '',
        submittedAt: m.submittedAt,
      },
    ]
  })
  await deliver(run, planMilestones(due, w.today, run.config.rules, leaders))
  await deliver(run, planApprovals(submitted, run.now, run.config.rules, leaders))
}

/** Rectifications near their deadline → the owner; overdue → the branch's supervisors (read only then). */
async function rectifications(
  run: Sweep,
  w: SweepWindows,
  rows: Rows<typeof listOpenRectificationsByDeadline>,
): Promise<void> {
  const facts = rows.map((r) => rectificationFact(r._id, r))
  const overdue = facts.filter((r) => r.deadline < w.today).map((r) => r.branchId)
  const supervisors = overdue.length > 0 ? await loadSupervisors(overdue) : {}
  await deliver(run, planRectifications(facts, w.today, run.config.rules, supervisors))
}

/** 定期检查 on a cadence: due soon and overdue → the supervisor, escalated → who set the cadence. */
async function inspections(run: Sweep, w: SweepWindows, rows: PlannedAssignment[]): Promise<void> {
  const [statuses, branchNames, names] = await Promise.all([
    getBranchStatuses(rows.map((a) => a.branchId)),
    getBranchNames([...new Set(rows.map((a) => a.branchId))]),
    namesOf([...new Set(rows.map((a) => a.personId))]),
  ])
  const facts: InspectionFact[] = rows.map((a) => {
    const last = statuses.get(a.branchId)?.lastInspectionDate
    return {
      supervisorId: a.personId,
      supervisorName: names.get(a.personId) ?? '',
      branchId: a.branchId,
      branchName: branchNames.get(a.branchId) ?? '',
      plans: a.inspection,
      lastInspection: last ? formatDay(last) : null,
    }
  })
  await deliver(run, planInspections(facts, w.today, run.config.rules))
}

/**
 * New lectures → their audience, once; required lectures near or past their deadline → every member of
 * their audience who has not completed them. An audience can be the whole company, so once a listing's
 * audience has been gone through (a new lecture: ever; a deadline: that day) later sweeps skip it by a run
 * marker; the message keys keep it to one reminder per member anyway.
 */
async function lectures(run: Sweep, w: SweepWindows): Promise<void> {
  const [due, fresh] = await Promise.all([
    listRequiredListings(w.lectureDeadlines.from, w.lectureDeadlines.to),
    listNewListings(w.lecturesPublished.from, w.lecturesPublished.to),
  ])
  const jobs = [
    ...fresh.map((listing) => ({ listing, isNew: true, runId: `lecture-new:${listing._id}` })),
    ...due.flatMap((listing) =>
      listing.deadline && lectureReminderKind(formatDay(listing.deadline), w.today, run.config.rules) !== null
        ? [{ listing, isNew: false, runId: `lecture:${listing._id}:${w.today}` }]
        : [],
    ),
  ]
  if (jobs.length === 0) return
  const done = await getRuns(jobs.map((j) => j.runId))
  const todo = jobs.filter((j) => !done.has(j.runId))
  if (todo.length === 0) return
  const lectureRows = new Map(
    (await getLectureRows(todo.map((j) => j.listing.lectureId)))
      .filter((l) => l.status === 'published')
      .map((l) => [l._id, l]),
  )
  const completed = new Map<string, Set<string>>()
  for (const { listing: l, isNew, runId } of todo) {
    const lecture = lectureRows.get(l.lectureId)
    if (!lecture) continue
    if (!completed.has(l.lectureId)) completed.set(l.lectureId, await listCompletedLearners(l.lectureId))
    const finished = completed.get(l.lectureId) as Set<string>
    await forEachAudiencePage(l.key === COMPANY_AUDIENCE ? null : [l.key], async (ids) => {
      if (run.summary.truncated) return
      const learners = ids.filter((id) => !finished.has(id))
      const planned =
        isNew || !l.deadline
          ? planNewLecture(
              {
                lectureId: l.lectureId,
                title: lecture.title,
                publisherName: lecture.publisherName,
                authorId: lecture.authorId,
              },
              learners,
            )
          : planLecture(
              { lectureId: l.lectureId, title: lecture.title, deadline: formatDay(l.deadline) },
              learners,
              w.today,
              run.config.rules,
            )
      await deliver(run, planned)
    })
    if (run.summary.truncated) return
    await markRun(runId, run.now)
  }
}

/** The weekly digest, once a week (a run marker keeps later sweeps of the day from reading it all again). */
async function digest(
  run: Sweep,
  w: SweepWindows,
  period: string,
  runId: string,
  leaders: Leaders,
): Promise<void> {
  const [running, overdue, reviews, branchNames] = await Promise.all([
    listRunningProjects(),
    countOverdueByProject(parseDay(w.today) as Date),
    countReviews(),
    getBranchNames(Object.keys(leaders.secretaries)),
  ])
  const facts = {
    branches: digestFigures(running, overdue, branchNames),
    proposalsWaiting: reviews.proposals,
    acceptanceWaiting: reviews.acceptance,
  }
  await deliver(run, planDigest(period, facts, leaders))
  if (!run.summary.truncated) await markRun(runId, run.now)
}
