import type { MilestoneStatus, ProjectStatus, PushState } from '../types/entities'
import type { ReminderKind, ReminderValues } from '../types/entities-reminders'
import { REMINDER_KINDS } from '../types/entities-reminders'
import { chinaClockText, chinaDay, chinaMinutes } from './time'
import { REVIEW_STATUSES, WORKING_STATUSES, daysOverdue } from './milestones'
import type { Actor } from './roles'
import { isCommittee, isSecretary } from './roles'
import { routes } from '../types/routes'

export type { ReminderKind }

/**
 * When reminders fall due. Days are China calendar days; a deadline is met by the end of its day. Each rule
 * looks back `lookbackDays` at most, so a sweep reads a bounded window and a reminder missed for longer (the
 * sweep was down) is dropped rather than sent late.
 */
export interface ReminderRules {
  /** A milestone due within this many days (0 = today) reminds its owner. */
  dueSoonDays: number
  /** A milestone this many days overdue is escalated to the branch secretary. */
  escalateAfterDays: number
  /** A milestone submission waiting this many hours reminds the approver. */
  approvalWaitHours: number
  /** A proposal or acceptance request waiting this many hours reminds the committee. */
  reviewWaitHours: number
  /** A required lecture due within this many days, not yet completed, reminds the member. */
  lectureDueDays: number
  lookbackDays: number
  /** China time, HH:MM; pushes wait until `end`. `start` after `end` spans midnight. */
  quietHours: { start: string; end: string }
  /** The weekly digest: on this weekday (1 = Monday … 7 = Sunday) from this hour, China time. */
  digest: { weekday: number; hour: number }
}

export const DEFAULT_RULES: ReminderRules = {
  dueSoonDays: 3,
  escalateAfterDays: 2,
  approvalWaitHours: 24,
  reviewWaitHours: 24,
  lectureDueDays: 3,
  lookbackDays: 7,
  quietHours: { start: '22:00', end: '07:00' },
  digest: { weekday: 1, hour: 9 },
}

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

export const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
/** A China day as stored (UTC midnight), `days` later. */
const storedDay = (day: string, days = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)

/** Minutes since midnight of "HH:MM". */
export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** Whether `at` falls in the quiet hours (China time). Equal start and end means no quiet hours. */
export function inQuietHours(at: Date, quiet: ReminderRules['quietHours']): boolean {
  const start = parseClock(quiet.start)
  const end = parseClock(quiet.end)
  if (start === null || end === null || start === end) return false
  const minutes = chinaMinutes(at)
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end
}

/** 1 = Monday … 7 = Sunday, of a China day. */
const weekdayOf = (day: string) => ((storedDay(day).getUTCDay() + 6) % 7) + 1

/** The ISO week a China day belongs to, e.g. '2026-W23' (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(day: string): string {
  const thursday = storedDay(day, 4 - weekdayOf(day))
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The week whose digest is due at `now` (its weekday, from its hour, China time), or null. */
export function digestPeriod(now: Date, rules: ReminderRules): string | null {
  const today = chinaDay(now)
  if (weekdayOf(today) !== rules.digest.weekday) return null
  if (chinaMinutes(now) < rules.digest.hour * 60) return null
  return isoWeek(today)
}

/** Half-open ranges [from, to) that a sweep reads: the planner never plans anything outside them. */
export interface SweepWindows {
  /** YYYY-MM-DD, China. */
  today: string
  /** Milestone deadlines (stored days): due soon, recently overdue, and due for escalation. */
  milestoneDeadlines: { from: Date; to: Date }
  /** Milestone submissions waiting long enough for a reminder. */
  submittedAt: { from: Date; to: Date }
  /** Proposals and acceptance requests (the project's `updatedAt`) waiting long enough. */
  reviewSince: { from: Date; to: Date }
  /** Required lectures' deadlines (stored days). */
  lectureDeadlines: { from: Date; to: Date }
  /** Open rectifications' deadlines (stored days): due soon, and overdue for escalation. */
  rectificationDeadlines: { from: Date; to: Date }
  /** Lectures published lately (their listings' `publishedAt`). */
  lecturesPublished: { from: Date; to: Date }
  /** The week whose digest is due now, or null. */
  digest: string | null
  quiet: boolean
}

export function sweepWindows(now: Date, rules: ReminderRules): SweepWindows {
  const today = chinaDay(now)
  const look = rules.lookbackDays
  const waited = (hours: number) => ({
    from: new Date(now.getTime() - hours * HOUR_MS - look * DAY_MS),
    to: new Date(now.getTime() - hours * HOUR_MS + 1),
  })
  return {
    today,
    milestoneDeadlines: {
      from: storedDay(today, -Math.max(look, rules.escalateAfterDays + look)),
      to: storedDay(today, rules.dueSoonDays + 1),
    },
    submittedAt: waited(rules.approvalWaitHours),
    reviewSince: waited(rules.reviewWaitHours),
    lectureDeadlines: { from: storedDay(today, -look), to: storedDay(today, rules.lectureDueDays + 1) },
    rectificationDeadlines: { from: storedDay(today, -look), to: storedDay(today, rules.dueSoonDays + 1) },
    lecturesPublished: { from: new Date(now.getTime() - look * DAY_MS), to: new Date(now.getTime() + 1) },
    digest: digestPeriod(now, rules),
    quiet: inQuietHours(now, rules.quietHours),
  }
}

/** The latest deadline (YYYY-MM-DD) that is escalated to the secretary on `today`: the sweep needs leaders then. */
export const latestEscalatedDeadline = (today: string, rules: ReminderRules): string =>
  storedDay(today, -rules.escalateAfterDays).toISOString().slice(0, 10)

/** One reminder to one person, as the sweep writes it into their message centre (and maybe pushes it). */
export interface PlannedReminder {
  /** (kind, person, item, period): the same reminder is never planned under another key, nor twice. */
  key: string
  kind: ReminderKind
  personId: string
  itemId: string
  title: string
  body: string
  page: string
  values: ReminderValues
}

export const reminderKey = (kind: ReminderKind, personId: string, itemId: string, period: string): string =>
  `${kind}:${personId}:${itemId}:${period}`

/** "2026年11月30日" for a China day. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** "2026年11月30日 15:01", China time. */
export function chineseTime(at: Date): string {
  return `${chineseDate(chinaDay(at))} ${chinaClockText(at)}`
}

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
  milestone_due: '即将到期',
  milestone_overdue: '已逾期',
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
        '里程碑已逾期',
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
  const title = kind === 'lecture_due' ? '必学讲坛即将截止' : '必学讲坛已逾期'
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
      status: kind === 'lecture_due' ? '即将截止' : '已逾期',
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

/** Whether a person with these settings receives `kind` (every kind is on until turned off). */
export const isKindOn = (
  settings: Partial<Record<ReminderKind, boolean>> | undefined,
  kind: ReminderKind,
): boolean => settings?.[kind] !== false

const MEMBER_KINDS: readonly ReminderKind[] = [
  'milestone_due',
  'milestone_overdue',
  'lecture_new',
  'lecture_due',
  'lecture_overdue',
  'milestone_approved',
  'milestone_returned',
  'announcement_new',
  'announcement_unread',
  'follow_up_assigned',
]
const SECRETARY_KINDS: readonly ReminderKind[] = [
  'milestone_escalated',
  'approval_waiting',
  'weekly_digest',
  'proposal_decided',
  'acceptance_decided',
  'supervision_assigned',
  'spot_check_assigned',
  'rectification_assigned',
  'rectification_due',
]
const COMMITTEE_KINDS: readonly ReminderKind[] = [
  'proposal_waiting',
  'acceptance_waiting',
  'weekly_digest',
  'follow_up_closed',
  'rectification_overdue',
  'inspection_due',
  'inspection_overdue',
  'inspection_escalated',
]

/** The kinds that can reach `actor`, given their roles, in the order of REMINDER_KINDS. */
export function reminderKindsFor(actor: Actor): ReminderKind[] {
  const kinds = new Set<ReminderKind>(MEMBER_KINDS)
  if (isSecretary(actor)) SECRETARY_KINDS.forEach((k) => kinds.add(k))
  if (isCommittee(actor)) COMMITTEE_KINDS.forEach((k) => kinds.add(k))
  return REMINDER_KINDS.filter((k) => kinds.has(k))
}

/**
 * What becomes of a reminder's push when it is written: no template → in-app only; quiet hours → deferred
 * (credits are looked at when it is sent); no credit → in-app only; otherwise this sweep sends it.
 */
export function pushDecision(templateId: string | null, quiet: boolean, credits: number): PushState {
  if (!templateId) return 'no_template'
  if (quiet) return 'deferred'
  return credits > 0 ? 'sending' : 'no_credit'
}
