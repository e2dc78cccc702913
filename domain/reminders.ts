/**
 * The sweep's planners: which reminders are due to whom, from facts the sweep read. Their rules live in
 * reminder-rules.ts, their calendar in reminder-calendar.ts, delivery (keys, kinds, pushes) in reminder-delivery.ts.
 */
import type { MilestoneStatus, ProjectStatus } from '../types/entities'
import type { ReminderKind, ReminderValues } from '../types/entities-reminders'
import { routes } from '../types/routes'
import { DUE_STATE_LABELS, REMINDER_KIND_LABELS } from './labels'
import { REVIEW_STATUSES, WORKING_STATUSES, daysOverdue } from './milestones'
import { HOUR_MS, dayNumber } from './reminder-calendar'
import type { PlannedReminder } from './reminder-delivery'
import { reminderKey } from './reminder-delivery'
import type { ReminderRules } from './reminder-rules'
import { chineseDate, chineseTime } from './time'

export type { ReminderKind }

/** Who leads what: the secretaries of each branch and the committee, by person id. */
export interface Leaders {
  secretaries: Record<string, string[]>
  committee: string[]
}

const secretariesOf = (leaders: Leaders, branchId: string) => leaders.secretaries[branchId] ?? []

/** An open milestone (or one returned for rework) with what its reminders say. */
export interface MilestoneFact {
  id: string
  title: string
  projectId: string
  projectTitle: string
  projectStatus: ProjectStatus
  branchId: string
  ownerId: string
  ownerName: string
  status: MilestoneStatus
  /** YYYY-MM-DD. */
  deadline: string
}

const OPEN_MILESTONE: readonly MilestoneStatus[] = ['open', 'returned']
const MILESTONE_REMINDER_STATUS: Partial<Record<ReminderKind, string>> = {
  milestone_due: DUE_STATE_LABELS.due_soon,
  milestone_overdue: DUE_STATE_LABELS.overdue,
  milestone_escalated: '逾期督办',
}

/**
 * Due soon and overdue → the owner; overdue `escalateAfterDays` or more → the branch's secretaries (not the
 * owner themselves). Only milestones still to be submitted, of projects being implemented. The period is the
 * deadline, so a moved deadline is a new reminder.
 */
export function planMilestones(
  facts: readonly MilestoneFact[],
  today: string,
  rules: ReminderRules,
  leaders: Leaders,
): PlannedReminder[] {
  const out: PlannedReminder[] = []
  for (const m of facts) {
    if (!OPEN_MILESTONE.includes(m.status) || !WORKING_STATUSES.includes(m.projectStatus)) continue
    const overdue = daysOverdue(m.deadline, today)
    const left = -overdue
    const values: ReminderValues = {
      title: m.title,
      project: m.projectTitle,
      deadline: chineseDate(m.deadline),
      person: m.ownerName,
    }
    const plan = (kind: ReminderKind, personId: string, title: string, body: string, page: string) =>
      out.push({
        key: reminderKey(kind, personId, m.id, m.deadline),
        kind,
        personId,
        itemId: m.id,
        title,
        body,
        page,
        values: { ...values, status: MILESTONE_REMINDER_STATUS[kind] ?? '' },
      })
    if (left >= 0 && left <= rules.dueSoonDays) {
      const when = left === 0 ? '今天到期' : `还有 ${left} 天到期`
      plan(
        'milestone_due',
        m.ownerId,
        '里程碑即将到期',
        `「${m.title}」${when}（${chineseDate(m.deadline)}），请按时提交成果。项目：${m.projectTitle}`,
        routes.milestoneSubmit(m.id),
      )
    }
    if (overdue >= 1 && overdue <= rules.lookbackDays) {
      plan(
        'milestone_overdue',
        m.ownerId,
        REMINDER_KIND_LABELS.milestone_overdue,
        `「${m.title}」已于 ${chineseDate(m.deadline)} 到期，尚未提交成果。项目：${m.projectTitle}`,
        routes.milestoneSubmit(m.id),
      )
    }
    if (overdue >= rules.escalateAfterDays && overdue <= rules.escalateAfterDays + rules.lookbackDays) {
      for (const secretary of secretariesOf(leaders, m.branchId)) {
        if (secretary === m.ownerId) continue
        plan(
          'milestone_escalated',
          secretary,
          '里程碑逾期督办',
          `${m.ownerName} 负责的「${m.title}」已逾期 ${overdue} 天。项目：${m.projectTitle}`,
          routes.project(m.projectId),
        )
      }
    }
  }
  return out
}

/** A milestone submission waiting for approval. */
export interface SubmissionFact {
  milestoneId: string
  title: string
  projectId: string
  projectTitle: string
  projectStatus: ProjectStatus
  branchId: string
  round: number
  submittedBy: string
  submitterName: string
  submittedAt: Date
}

/** Waiting `approvalWaitHours` or more → the branch's secretaries (never the submitter), once per round. */
export function planApprovals(
  facts: readonly SubmissionFact[],
  now: Date,
  rules: ReminderRules,
  leaders: Leaders,
): PlannedReminder[] {
  const out: PlannedReminder[] = []
  for (const s of facts) {
    if (!REVIEW_STATUSES.includes(s.projectStatus)) continue
    const hours = Math.floor((now.getTime() - new Date(s.submittedAt).getTime()) / HOUR_MS)
    if (hours < rules.approvalWaitHours || hours > rules.approvalWaitHours + rules.lookbackDays * 24) continue
    for (const secretary of secretariesOf(leaders, s.branchId)) {
      if (secretary === s.submittedBy) continue
      out.push({
        key: reminderKey('approval_waiting', secretary, s.milestoneId, `r${s.round}`),
        kind: 'approval_waiting',
        personId: secretary,
        itemId: s.milestoneId,
        title: '成果待审批',
        body: `${s.submitterName} 提交的「${s.title}」已等待 ${hours} 小时，请及时审批。项目：${s.projectTitle}`,
        page: routes.submission(s.milestoneId),
        values: {
          title: s.title,
          project: s.projectTitle,
          person: s.submitterName,
          time: chineseTime(new Date(s.submittedAt)),
          status: '待审批',
        },
      })
    }
  }
  return out
}

/** A proposal (submitted) or acceptance request (acceptance_requested) waiting for the committee. */
export interface ReviewFact {
  projectId: string
  title: string
  branchName: string
  status: ProjectStatus
  /** When it started waiting. */
  since: Date
  submittedBy: string | null
  submitterName: string
}

/** Waiting `reviewWaitHours` or more → every committee member but the submitter, once per submission. */
export function planReviews(
  facts: readonly ReviewFact[],
  now: Date,
  rules: ReminderRules,
  leaders: Leaders,
): PlannedReminder[] {
  const out: PlannedReminder[] = []
  for (const r of facts) {
    if (r.status !== 'submitted' && r.status !== 'acceptance_requested') continue
    const since = new Date(r.since)
    const hours = Math.floor((now.getTime() - since.getTime()) / HOUR_MS)
    if (hours < rules.reviewWaitHours || hours > rules.reviewWaitHours + rules.lookbackDays * 24) continue
    const proposal = r.status === 'submitted'
    const kind: ReminderKind = proposal ? 'proposal_waiting' : 'acceptance_waiting'
    const status = proposal ? '待立项审批' : '待验收'
    for (const member of leaders.committee) {
      if (member === r.submittedBy) continue
      out.push({
        key: reminderKey(kind, member, r.projectId, String(since.getTime())),
        kind,
        personId: member,
        itemId: r.projectId,
        title: proposal ? '立项待审批' : '结题待验收',
        body: `${r.branchName}「${r.title}」${proposal ? '的立项申请' : '申请结题验收，'}已等待 ${hours} 小时。`,
        page: proposal ? routes.project(r.projectId) : routes.review(r.projectId),
        values: {
          title: r.title,
          project: r.title,
          branch: r.branchName,
          person: r.submitterName,
          time: chineseTime(since),
          status,
        },
      })
    }
  }
  return out
}

/** A required lecture with a deadline. */
export interface LectureFact {
  lectureId: string
  title: string
  /** YYYY-MM-DD. */
  deadline: string
}

/** Which lecture reminder a required lecture, not completed, calls for today, if any. */
export function lectureReminderKind(
  deadline: string,
  today: string,
  rules: ReminderRules,
): 'lecture_due' | 'lecture_overdue' | null {
  const left = dayNumber(deadline) - dayNumber(today)
  if (left >= 0 && left <= rules.lectureDueDays) return 'lecture_due'
  if (-left >= 1 && -left <= rules.lookbackDays) return 'lecture_overdue'
  return null
}

/** Near its deadline or overdue → each member of its audience who has not completed it. */
export function planLecture(
  lecture: LectureFact,
  personIds: readonly string[],
  today: string,
  rules: ReminderRules,
): PlannedReminder[] {
  const kind = lectureReminderKind(lecture.deadline, today, rules)
  if (!kind) return []
  const date = chineseDate(lecture.deadline)
  const left = dayNumber(lecture.deadline) - dayNumber(today)
  const title = REMINDER_KIND_LABELS[kind]
  const body =
    kind === 'lecture_due'
      ? `必学讲坛「${lecture.title}」${left === 0 ? '今天截止' : `将于 ${date} 截止`}，请尽快学完。`
      : `必学讲坛「${lecture.title}」已于 ${date} 截止，你还没有学完。`
  return [...new Set(personIds)].map((personId) => ({
    key: reminderKey(kind, personId, lecture.lectureId, lecture.deadline),
    kind,
    personId,
    itemId: lecture.lectureId,
    title,
    body,
    page: routes.lecture(lecture.lectureId),
    values: {
      title: lecture.title,
      deadline: date,
      status: kind === 'lecture_due' ? '即将截止' : DUE_STATE_LABELS.overdue,
    },
  }))
}

/** A lecture just published to the person's branch or the whole company. */
export interface NewLectureFact {
  lectureId: string
  title: string
  publisherName: string
  authorId: string
}

/** A new lecture → each member of its audience, once (not its author, nor who has completed it already). */
export function planNewLecture(lecture: NewLectureFact, personIds: readonly string[]): PlannedReminder[] {
  return [...new Set(personIds)]
    .filter((id) => id !== lecture.authorId)
    .map((personId) => ({
      key: reminderKey('lecture_new', personId, lecture.lectureId, 'published'),
      kind: 'lecture_new' as const,
      personId,
      itemId: lecture.lectureId,
      title: '新讲坛上线',
      body: `${lecture.publisherName}发布了微讲坛「${lecture.title}」，欢迎学习。`,
      page: routes.lecture(lecture.lectureId),
      values: { title: lecture.title, branch: lecture.publisherName, status: '新课上线' },
    }))
}

/** A branch's figures for the weekly digest. */
export interface BranchFigures {
  branchId: string
  branchName: string
  /** Projects being implemented. */
  projects: number
  progressSum: number
  /** Open milestones of those projects past their deadline. */
  overdue: number
}

export interface DigestFacts {
  branches: Record<string, BranchFigures>
  proposalsWaiting: number
  acceptanceWaiting: number
}

/** Adds up projects being implemented and their overdue milestones, per branch. */
export function digestFigures(
  projects: readonly { _id: string; branchId: string; branchName: string; progress: number }[],
  overdueByProject: ReadonlyMap<string, number>,
  branchNames: ReadonlyMap<string, string>,
): Record<string, BranchFigures> {
  const out: Record<string, BranchFigures> = {}
  const of = (branchId: string, name: string) =>
    (out[branchId] ??= { branchId, branchName: name, projects: 0, progressSum: 0, overdue: 0 })
  for (const [branchId, name] of branchNames) of(branchId, name)
  for (const p of projects) {
    const b = of(p.branchId, p.branchName)
    b.projects += 1
    b.progressSum += p.progress
    b.overdue += overdueByProject.get(p._id) ?? 0
  }
  return out
}

const average = (sum: number, n: number) => (n === 0 ? 0 : Math.round(sum / n))

/** The week's digest: each secretary about their branch, the committee about the company. */
export function planDigest(period: string, facts: DigestFacts, leaders: Leaders): PlannedReminder[] {
  const [year, week] = period.split('-W')
  const periodText = `${year}年第${Number(week)}周`
  const digest = (
    personId: string,
    itemId: string,
    body: string,
    values: ReminderValues,
  ): PlannedReminder => ({
    key: reminderKey('weekly_digest', personId, itemId, period),
    kind: 'weekly_digest',
    personId,
    itemId,
    title: `每周简报（${periodText}）`,
    body,
    page: routes.home,
    values: { title: '每周党建项目简报', period: periodText, ...values },
  })
  const out: PlannedReminder[] = []
  for (const [branchId, secretaries] of Object.entries(leaders.secretaries)) {
    const b = facts.branches[branchId] ?? {
      branchId,
      branchName: '',
      projects: 0,
      progressSum: 0,
      overdue: 0,
    }
    const avg = average(b.progressSum, b.projects)
    const body = `${b.branchName || '本支部'}：实施中项目 ${b.projects} 个，平均进度 ${avg}%，逾期里程碑 ${b.overdue} 个。`
    const values = {
      branch: b.branchName,
      summary: `实施中${b.projects}项 逾期${b.overdue}个`,
      count: String(b.overdue),
    }
    for (const s of secretaries) out.push(digest(s, branchId, body, values))
  }
  const all = Object.values(facts.branches)
  const projects = all.reduce((s, b) => s + b.projects, 0)
  const overdue = all.reduce((s, b) => s + b.overdue, 0)
  const avg = average(
    all.reduce((s, b) => s + b.progressSum, 0),
    projects,
  )
  const body =
    `全公司：实施中项目 ${projects} 个，平均进度 ${avg}%，逾期里程碑 ${overdue} 个；` +
    `待立项审批 ${facts.proposalsWaiting} 个，待验收 ${facts.acceptanceWaiting} 个。`
  const values = { branch: '全公司', summary: `实施中${projects}项 逾期${overdue}个`, count: String(overdue) }
  for (const c of leaders.committee) out.push(digest(c, 'company', body, values))
  return out
}
