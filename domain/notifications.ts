import type { ReminderKind } from '../types/entities-reminders'
import type { PlannedReminder } from './reminder-delivery'
import type { ReminderRules } from './reminder-rules'
import { chinaDay, chineseDate, chineseTime } from './time'
import { dayNumber } from './reminder-calendar'
import { reminderKey } from './reminder-delivery'
import { routes } from '../types/routes'
import { DUE_STATE_LABELS } from './labels'

/**
 * Event notifications: something happened to a person (their evidence was decided, their proposal was
 * decided, an announcement was posted to their group, their branch was assigned a supervisor or drawn in a
 * spot check). The action that made it happen writes them into 消息 at once, keyed like reminders so each
 * is stored once; the reminders sweep pushes them when a credit allows (see cloudfunctions/_shared/notify.ts).
 * Their kinds are the second half of REMINDER_KINDS (types/entities-reminders.ts).
 */

/** A short excerpt for a message title or a template's `thing` field. */
export function excerpt(text: string, max = 20): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}

const said = (comment: string) => (comment.trim() ? `意见：${comment.trim()}` : '')

/** A milestone's evidence approved or returned → the member who submitted it (not the approver themselves). */
export interface MilestoneDecisionFact {
  milestoneId: string
  title: string
  projectTitle: string
  round: number
  decision: 'approve' | 'return'
  memberId: string
  deciderId: string
  deciderName: string
  comment: string
  at: Date
}

export function planMilestoneDecision(f: MilestoneDecisionFact): PlannedReminder[] {
  if (f.memberId === f.deciderId) return []
  const approved = f.decision === 'approve'
  const kind: ReminderKind = approved ? 'milestone_approved' : 'milestone_returned'
  const body = approved
    ? `${f.deciderName} 通过了你提交的「${f.title}」成果。项目：${f.projectTitle}`
    : `${f.deciderName} 退回了你提交的「${f.title}」成果，请修改后重新提交。${said(f.comment)}项目：${f.projectTitle}`
  return [
    {
      key: reminderKey(kind, f.memberId, f.milestoneId, `r${f.round}`),
      kind,
      personId: f.memberId,
      itemId: f.milestoneId,
      title: approved ? '成果已通过' : '成果被退回',
      body,
      page: routes.milestoneSubmit(f.milestoneId),
      values: {
        title: f.title,
        project: f.projectTitle,
        person: f.deciderName,
        status: approved ? '已通过' : '已退回',
        summary: f.comment.trim() || (approved ? '成果已通过审批' : '请修改后重新提交'),
        time: chineseTime(f.at),
      },
    },
  ]
}

/** A proposal (立项) or an acceptance request (结题) decided by the committee → the secretary who sent it. */
export interface ProjectDecisionFact {
  projectId: string
  title: string
  decision: 'approve' | 'return' | 'accept' | 'return_acceptance'
  secretaryId: string
  deciderId: string
  deciderName: string
  comment: string
  /** The acceptance score, when accepted. */
  score?: number
  /** The version the decision produced: a proposal decided, resubmitted and decided again is a new message. */
  version: number
  at: Date
}

const PROJECT_DECISIONS = {
  approve: { kind: 'proposal_decided', title: '立项已批准', status: '已立项', verb: '批准了立项申请' },
  return: { kind: 'proposal_decided', title: '立项被退回', status: '已退回', verb: '退回了立项申请' },
  accept: { kind: 'acceptance_decided', title: '项目已结题', status: '已结题', verb: '验收通过' },
  return_acceptance: {
    kind: 'acceptance_decided',
    title: '结题申请被退回',
    status: '已退回',
    verb: '退回了结题申请',
  },
} as const

export function planProjectDecision(f: ProjectDecisionFact): PlannedReminder[] {
  if (!f.secretaryId || f.secretaryId === f.deciderId) return []
  const d = PROJECT_DECISIONS[f.decision]
  const score = f.decision === 'accept' && f.score !== undefined ? `，得分 ${f.score}` : ''
  const next =
    f.decision === 'approve'
      ? '请编制计划书，分解任务。'
      : f.decision === 'return' || f.decision === 'return_acceptance'
        ? '请修改后重新提交。'
        : ''
  return [
    {
      key: reminderKey(d.kind, f.secretaryId, f.projectId, `v${f.version}`),
      kind: d.kind,
      personId: f.secretaryId,
      itemId: f.projectId,
      title: d.title,
      body: `${f.deciderName} ${d.verb}「${f.title}」${score}。${next}${said(f.comment)}`,
      page: routes.project(f.projectId),
      values: {
        title: d.title,
        project: f.title,
        person: f.deciderName,
        status: d.status,
        summary: f.comment.trim() || d.title,
        time: chineseTime(f.at),
      },
    },
  ]
}

/** An announcement posted to a Party group. */
export interface AnnouncementFact {
  postId: string
  groupName: string
  text: string
  authorId: string
  authorName: string
  at: Date
}

/** An announcement's subscribe-message fields: its opening words, group, author and time, and `status`. */
const announcementValues = (a: AnnouncementFact, status: string) => ({
  title: excerpt(a.text),
  branch: a.groupName,
  person: a.authorName,
  time: chineseTime(a.at),
  status,
})

/** A new announcement → every member of the group but its author. */
export function planAnnouncement(a: AnnouncementFact, memberIds: readonly string[]): PlannedReminder[] {
  return [...new Set(memberIds)]
    .filter((id) => id !== a.authorId)
    .map((personId) => ({
      key: reminderKey('announcement_new', personId, a.postId, 'posted'),
      kind: 'announcement_new' as const,
      personId,
      itemId: a.postId,
      title: `${a.groupName}新通知`,
      body: `${a.authorName}：${excerpt(a.text, 60)}`,
      page: routes.post(a.postId),
      values: announcementValues(a, '新通知'),
    }))
}

/** 提醒未读: the members who have not read an announcement, asked to, once a day (the period is the day). */
export function planAnnouncementUnread(
  a: AnnouncementFact,
  unreadIds: readonly string[],
  day: string,
  senderId: string,
): PlannedReminder[] {
  return [...new Set(unreadIds)]
    .filter((id) => id !== senderId && id !== a.authorId)
    .map((personId) => ({
      key: reminderKey('announcement_unread', personId, a.postId, day),
      kind: 'announcement_unread' as const,
      personId,
      itemId: a.postId,
      title: '请阅读通知',
      body: `${a.groupName}的通知你还没有阅读：${excerpt(a.text, 60)}`,
      page: routes.post(a.postId),
      values: announcementValues(a, '待阅读'),
    }))
}

/** A branch assigned to a committee member for 分片督导 → the branch's secretaries. */
export interface SupervisionAssignedFact {
  assignmentId: string
  branchName: string
  supervisorName: string
  at: Date
}

export function planSupervisionAssigned(
  f: SupervisionAssignedFact,
  secretaryIds: readonly string[],
): PlannedReminder[] {
  return [...new Set(secretaryIds)].map((personId) => ({
    key: reminderKey('supervision_assigned', personId, f.assignmentId, String(f.at.getTime())),
    kind: 'supervision_assigned' as const,
    personId,
    itemId: f.assignmentId,
    title: '本支部有了督导联系人',
    body: `党委 ${f.supervisorName} 负责联系指导${f.branchName}的党建项目（分片督导），将随时查看项目进展。`,
    page: routes.home,
    values: {
      title: '分片督导',
      branch: f.branchName,
      person: f.supervisorName,
      time: chineseTime(f.at),
      status: '已分配',
    },
  }))
}

/** A project drawn in a 随机抽查 → its branch's secretaries. */
export interface SpotCheckPickFact {
  projectId: string
  title: string
  branchId: string
  branchName: string
}

export function planSpotCheckAssigned(
  spotCheckId: string,
  picks: readonly SpotCheckPickFact[],
  secretaries: Readonly<Record<string, readonly string[]>>,
  checkerName: string,
  at: Date,
): PlannedReminder[] {
  return picks.flatMap((p) =>
    [...new Set(secretaries[p.branchId] ?? [])].map((personId) => ({
      key: reminderKey('spot_check_assigned', personId, p.projectId, spotCheckId),
      kind: 'spot_check_assigned' as const,
      personId,
      itemId: p.projectId,
      title: '项目被随机抽查',
      body: `「${p.title}」被党委随机抽查选中（${checkerName}），请备好台账与现场材料，配合检查。`,
      page: routes.project(p.projectId),
      values: {
        title: '随机抽查',
        project: p.title,
        branch: p.branchName,
        person: checkerName,
        time: chineseTime(at),
        status: '已抽中',
      },
    })),
  )
}

/** A rectification task (整改) a spot check gave a project; its owner is the branch secretary. */
export interface RectificationFact {
  id: string
  spotCheckId: string
  projectTitle: string
  branchId: string
  branchName: string
  text: string
  ownerId: string
  ownerName: string
  /** YYYY-MM-DD. */
  deadline: string
  status: 'open' | 'done' | 'confirmed'
  createdBy: string
}

const rectificationValues = (r: RectificationFact) => ({
  title: excerpt(r.text),
  project: r.projectTitle,
  branch: r.branchName,
  person: r.ownerName,
  deadline: chineseDate(r.deadline),
})

/** 下达整改 → its owner (the branch secretary), at once. */
export function planRectificationAssigned(
  r: RectificationFact,
  assignerName: string,
  at: Date,
): PlannedReminder[] {
  if (r.ownerId === r.createdBy) return []
  return [
    {
      key: reminderKey('rectification_assigned', r.ownerId, r.id, 'created'),
      kind: 'rectification_assigned',
      personId: r.ownerId,
      itemId: r.id,
      title: '收到整改任务',
      body: `随机抽查后，${assignerName} 对「${r.projectTitle}」下达了整改任务：${excerpt(r.text, 60)}。时限 ${chineseDate(r.deadline)}，完成后请在抽查页报告整改完成。`,
      page: routes.spotCheck(r.spotCheckId),
      values: { ...rectificationValues(r), title: '整改任务', person: assignerName, time: chineseTime(at) },
    },
  ]
}

/**
 * Open rectifications on a sweep: due within `dueSoonDays` → the owner; overdue (1 to `lookbackDays` days) →
 * the committee members supervising the branch (分片督导), or whoever set the task when nobody does. The
 * period is the deadline, so a task reopened with a new deadline is reminded again.
 */
export function planRectifications(
  facts: readonly RectificationFact[],
  today: string,
  rules: ReminderRules,
  supervisors: Readonly<Record<string, readonly string[]>>,
): PlannedReminder[] {
  const out: PlannedReminder[] = []
  for (const r of facts) {
    if (r.status !== 'open') continue
    const left = dayNumber(r.deadline) - dayNumber(today)
    const page = routes.spotCheck(r.spotCheckId)
    if (left >= 0 && left <= rules.dueSoonDays) {
      out.push({
        key: reminderKey('rectification_due', r.ownerId, r.id, r.deadline),
        kind: 'rectification_due',
        personId: r.ownerId,
        itemId: r.id,
        title: '整改即将到期',
        body: `「${r.projectTitle}」的整改任务${left === 0 ? '今天到期' : `还有 ${left} 天到期`}（${chineseDate(r.deadline)}）：${excerpt(r.text, 60)}`,
        page,
        values: { ...rectificationValues(r), status: '即将到期' },
      })
    }
    if (-left >= 1 && -left <= rules.lookbackDays) {
      const to = supervisors[r.branchId]?.length ? supervisors[r.branchId] : [r.createdBy]
      for (const personId of new Set(to)) {
        if (personId === r.ownerId) continue
        out.push({
          key: reminderKey('rectification_overdue', personId, r.id, r.deadline),
          kind: 'rectification_overdue',
          personId,
          itemId: r.id,
          title: '整改逾期督办',
          body: `${r.branchName}「${r.projectTitle}」的整改任务已逾期 ${-left} 天（时限 ${chineseDate(r.deadline)}，责任人 ${r.ownerName}）：${excerpt(r.text, 60)}`,
          page,
          values: { ...rectificationValues(r), status: DUE_STATE_LABELS.overdue },
        })
      }
    }
  }
  return out
}

/** An organisation change that concerns people (组织管理): who is told, and what. */
export type OrgChangeFact =
  | { change: 'secretary'; personId: string; branchId: string; branchName: string; byName: string; at: Date }
  | {
      change: 'group_leader'
      personId: string
      groupId: string
      groupName: string
      branchName: string
      byName: string
      at: Date
    }
  | {
      change: 'moved'
      personId: string
      personName: string
      fromName: string
      branchId: string
      branchName: string
      groupName: string | null
      /** The secretaries of the branch moved into (told of their new member; not the person themselves). */
      secretaryIds: string[]
      /** Who takes over as secretary of the branch left, when the person led it. */
      successor: { id: string; branchId: string } | null
      byName: string
      at: Date
    }
  | {
      change: 'merged'
      fromId: string
      fromName: string
      intoId: string
      intoName: string
      /** The people of the merged branch: their branch is now `intoName`. */
      memberIds: string[]
      /** The secretaries of the branch that remains, and the one who owns its unfinished 整改 from now on. */
      secretaryIds: string[]
      heirId: string | null
      /** How much came with it: people, 督导记录, unfinished 整改 now owned by the heir. */
      people: number
      records: number
      tasks: number
      /** Supervisors of the merged branch: whose assignment ended (B has its own), who carry on with B. */
      endedSupervisorIds: string[]
      carriedSupervisorIds: string[]
      byName: string
      at: Date
    }

/**
 * Notices of an organisation change: made secretary or group leader → that person; moved → the person, the
 * new branch's secretaries, and a successor named for the branch left. Keyed by the day: the same change
 * repeated the same day (a retried action) is stored once.
 */
export function planOrgChange(f: OrgChangeFact): PlannedReminder[] {
  const period = chinaDay(f.at)
  const day = chineseDate(period)
  const notice = (personId: string, itemId: string, title: string, body: string, branch: string) => ({
    key: reminderKey('org_changed', personId, itemId, period),
    kind: 'org_changed' as const,
    personId,
    itemId,
    title,
    body,
    page: routes.mine,
    values: { title, branch, person: f.byName, time: chineseTime(f.at) },
  })
  if (f.change === 'secretary') {
    return [
      notice(
        f.personId,
        `secretary:${f.branchId}`,
        '你已任支部书记',
        `${f.byName} 于 ${day} 任命你为「${f.branchName}」支部书记。你现在可以管理本支部的项目、审批成果、邀请党员。`,
        f.branchName,
      ),
    ]
  }
  if (f.change === 'group_leader') {
    return [
      notice(
        f.personId,
        `leader:${f.groupId}`,
        '你已任党小组组长',
        `${f.byName} 于 ${day} 任命你为「${f.branchName}」党小组「${f.groupName}」组长。`,
        f.branchName,
      ),
    ]
  }
  if (f.change === 'merged') return planMergeNotices(f, notice, day)
  const where = `「${f.branchName}」${f.groupName ? `「${f.groupName}」` : ''}`
  const out = [
    notice(
      f.personId,
      `moved:${f.branchId}`,
      '组织关系已调整',
      `${f.byName} 于 ${day} 将你从「${f.fromName}」调至${where}。你今后的项目和打卡在新支部。`,
      f.branchName,
    ),
    ...f.secretaryIds
      .filter((id) => id !== f.personId)
      .map((id) =>
        notice(
          id,
          `joined:${f.personId}`,
          '支部有新党员调入',
          `${f.personName} 已由「${f.fromName}」调入${where}（${f.byName}，${day}）。`,
          f.branchName,
        ),
      ),
  ]
  if (f.successor) {
    out.push(
      notice(
        f.successor.id,
        `secretary:${f.successor.branchId}`,
        '你已任支部书记',
        `${f.personName} 调离「${f.fromName}」，${f.byName} 于 ${day} 任命你继任支部书记。`,
        f.fromName,
      ),
    )
  }
  return out
}

type Notice = (
  personId: string,
  itemId: string,
  title: string,
  body: string,
  branch: string,
) => PlannedReminder

/** A branch merged into another: its people, the other's secretaries, and the supervisors of both sides' change. */
function planMergeNotices(
  f: Extract<OrgChangeFact, { change: 'merged' }>,
  notice: Notice,
  day: string,
): PlannedReminder[] {
  const item = `merged:${f.fromId}`
  const merged = `${f.byName} 于 ${day} 将「${f.fromName}」并入「${f.intoName}」`
  const out: PlannedReminder[] = f.memberIds.map((id) =>
    notice(
      id,
      item,
      '所在支部已合并',
      `${merged}。你的组织关系、项目和打卡已随之转入「${f.intoName}」，历史记录不变。`,
      f.intoName,
    ),
  )
  for (const id of f.secretaryIds) {
    const brought = [
      `${f.people} 名党员及其项目、打卡`,
      f.records > 0 ? `督导记录 ${f.records} 条` : null,
    ].filter(Boolean)
    const tasks = id === f.heirId && f.tasks > 0 ? `其中 ${f.tasks} 项未完成的整改任务今后由你负责。` : ''
    out.push(
      notice(id, item, '支部合并', `${merged}，${brought.join('、')}已转入你的支部。${tasks}`, f.intoName),
    )
  }
  for (const id of f.endedSupervisorIds)
    out.push(
      notice(
        id,
        item,
        '联系支部调整',
        `${merged}，由「${f.intoName}」原联系指导人继续督导，你对「${f.fromName}」的分片督导已结束；原督导记录保留在「${f.intoName}」之下。`,
        f.fromName,
      ),
    )
  for (const id of f.carriedSupervisorIds)
    out.push(
      notice(
        id,
        item,
        '联系支部调整',
        `${merged}，你改为联系指导「${f.intoName}」，定期检查频次不变；原督导记录已转入「${f.intoName}」。`,
        f.intoName,
      ),
    )
  return out
}

/** 选题指南: a branch that has not proposed this year → its secretaries, once a day (the period is the day). */
export interface ProposalDueFact {
  year: number
  branchId: string
  branchName: string
  /** YYYY-MM-DD, the guide's deadline. */
  deadline: string
  /** Today's China day. */
  day: string
  senderName: string
}

export function planProposalDue(f: ProposalDueFact, secretaryIds: readonly string[]): PlannedReminder[] {
  const late = f.day > f.deadline
  const body = late
    ? `${f.year} 年立项申报已于 ${chineseDate(f.deadline)}截止，${f.branchName}还没有提交立项申请。请尽快对照选题指南选题，并联系党委补报。`
    : `${f.branchName}还没有提交 ${f.year} 年的立项申请，申报 ${chineseDate(f.deadline)}截止。请对照选题指南的重点问题选题，填写立项表并提交。`
  return [...new Set(secretaryIds)].map((personId) => ({
    key: reminderKey('proposal_due', personId, `${f.year}:${f.branchId}`, f.day),
    kind: 'proposal_due' as const,
    personId,
    itemId: f.branchId,
    title: late ? '立项申报已截止，本支部尚未申报' : '请按选题指南提交立项申请',
    body: `${body}（${f.senderName} 提醒）`,
    page: routes.guide,
    values: {
      title: `${f.year}年立项申报`,
      deadline: chineseDate(f.deadline),
      project: excerpt(`${f.branchName}${f.year}年选题`),
      branch: f.branchName,
      person: f.senderName,
      status: late ? '已截止' : '待申报',
    },
  }))
}

/** 选题指南 published (its first version, or a changed one) → every branch secretary, once per version. */
export interface GuidePublishedFact {
  year: number
  /** The version published: 1 for the first publication, then one more for each change (the guide's history). */
  version: number
  /** YYYY-MM-DD, the proposal window. */
  opensOn: string
  deadline: string
  /** What changed from the version before, in words (describeGuideChange); unused for the first version. */
  summary: string
  senderName: string
}

export function planGuidePublished(
  f: GuidePublishedFact,
  secretaryIds: readonly string[],
): PlannedReminder[] {
  const first = f.version === 1
  const window = `立项申报 ${chineseDate(f.opensOn)}开始，${chineseDate(f.deadline)}截止`
  const body = first
    ? `党委发布了 ${f.year} 年选题指南：${window}。请对照指南的项目类别和重点问题选题，填写立项表并按时提交。`
    : `党委修改了 ${f.year} 年选题指南（${f.summary}）。${window}。`
  return [...new Set(secretaryIds)].map((personId) => ({
    key: reminderKey('proposal_due', personId, `guide:${f.year}`, `v${f.version}`),
    kind: 'proposal_due' as const,
    personId,
    itemId: `guide-${f.year}`,
    title: first
      ? `${f.year} 年选题指南已发布，立项截止 ${chineseDate(f.deadline)}`
      : `${f.year} 年选题指南已修改，立项截止 ${chineseDate(f.deadline)}`,
    body: `${body}（${f.senderName} 发布）`,
    page: `${routes.guide}?year=${f.year}`,
    values: {
      title: excerpt(`${f.year}年选题指南${first ? '已发布' : '已修改'}`),
      deadline: chineseDate(f.deadline),
      project: excerpt(`${f.year}年立项申报`),
      person: f.senderName,
      status: first ? '已发布' : '已修改',
    },
  }))
}
