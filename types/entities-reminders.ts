// Reminders (push) and the message centre (消息), as stored. Re-exported by entities.ts.

/**
 * What a reminder is about. Milestone reminders go to the owner (escalations to the branch secretary),
 * approvals to the branch secretary, proposal and acceptance reviews to the committee, lectures (new in
 * their branch, required and near or past the deadline) to the member, the weekly digest to secretaries (their branch) and the committee (the company), a 督导 follow-up to its
 * owner and, once closed, to its supervisor.
 */
export const REMINDER_KINDS = [
  'milestone_due',
  'milestone_overdue',
  'milestone_escalated',
  'approval_waiting',
  'proposal_waiting',
  'acceptance_waiting',
  'lecture_new',
  'lecture_due',
  'lecture_overdue',
  'weekly_digest',
  // Event notifications (domain/notifications.ts): written by the action at once, pushed by the sweep.
  'milestone_approved',
  'milestone_returned',
  'proposal_decided',
  'acceptance_decided',
  'announcement_new',
  'announcement_unread',
  'supervision_assigned',
  'spot_check_assigned',
  // 督导记录 follow-ups: to the owner when set, to the supervisor when closed.
  'follow_up_assigned',
  'follow_up_closed',
  'rectification_assigned',
  // Timed, planned by the sweep: a rectification near its deadline → its owner; overdue → the supervisor.
  'rectification_due',
  'rectification_overdue',
  // 定期检查 on a cadence: near the period's end and overdue → the supervisor; later → who set the cadence.
  'inspection_due',
  'inspection_overdue',
  'inspection_escalated',
  // Organisation admin: made secretary or group leader, moved between branches (→ them, and the new secretary).
  'org_changed',
  // 选题指南: the committee reminds the secretaries of branches that have not proposed yet.
  'proposal_due',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/**
 * Where a message's WeChat subscribe message stands. `sending` is the claim of the sweep that sends it (a
 * push is attempted at most once); `deferred` waits for the end of quiet hours; `no_template` and
 * `no_credit` were never sent (the in-app message is all there is); `failed` was refused by WeChat.
 */
export const PUSH_STATES = ['no_template', 'no_credit', 'deferred', 'sending', 'sent', 'failed'] as const
export type PushState = (typeof PUSH_STATES)[number]

/** The named values a reminder carries, which a template's fields are filled from (see reminder-config.json). */
export const REMINDER_VALUES = [
  'title',
  'project',
  'branch',
  'person',
  'deadline',
  'time',
  'status',
  'count',
  'summary',
  'period',
] as const
export type ReminderValueName = (typeof REMINDER_VALUES)[number]
export type ReminderValues = Partial<Record<ReminderValueName, string>>

/**
 * One message of the message centre. `_id` is derived from `key` — (kind, person, item, period) — so two
 * sweeps running at once can only ever write it once, and the sweep that wrote it is the one that pushes it.
 */
export interface Message {
  _id: string
  key: string
  kind: ReminderKind
  personId: string
  /** The milestone, project, lecture or branch (digest: branch id or 'company') it is about. */
  itemId: string
  title: string
  body: string
  /** Where a tap takes the person in the app, built with `routes` (types/routes.ts), e.g. routes.submission(id). */
  page: string
  values: ReminderValues
  read: boolean
  readAt: Date | null
  createdAt: Date
  templateId: string | null
  pushState: PushState
  /** Why it was not sent: '' or a WeChat errCode ('43101'), 'no_openid', … */
  pushReason: string
  pushAt: Date | null
  /** The sweep that wrote (or claimed the deferred push of) it. */
  sweepId: string
}

/** A person's reminder settings: `_id` = the person's id; a kind set to false is off (all are on by default). */
export interface ReminderSettingsDoc {
  _id: string
  kinds: Partial<Record<ReminderKind, boolean>>
  updatedAt: Date
}

/**
 * Our own count of subscribe-message credits a person holds for a template (`_id` = `<personId>:<templateId>`):
 * WeChat holds the real ones; this lets a sweep skip calls that could only fail with 43101.
 */
export interface SubscriptionCredit {
  _id: string
  personId: string
  templateId: string
  count: number
  updatedAt: Date
}

export const REMINDER_OUTCOMES = ['sent', 'failed'] as const
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number]

/** One subscribe-message send or failure, ids only (never phone numbers or members' text). */
export interface ReminderLogEntry {
  _id: string
  messageId: string
  kind: ReminderKind
  personId: string
  itemId: string
  templateId: string
  outcome: ReminderOutcome
  /** 'ok', or WeChat's errCode ('43101' = no credit), or 'unknown'. */
  reason: string
  sweepId: string
  at: Date
}

/** A finished piece of sweep work that later sweeps skip, e.g. `digest:2026-W23` or a lecture's day. */
export interface ReminderRun {
  _id: string
  at: Date
}

/**
 * The taps at which the app asks for subscriptions (wx.requestSubscribeMessage, at most 3 templates each);
 * `propose` is a secretary sending a proposal or acceptance request (the decision comes back to them).
 */
export const SUBSCRIBE_MOMENTS = ['checkin', 'lecture', 'approve', 'review', 'propose'] as const
export type SubscribeMoment = (typeof SUBSCRIBE_MOMENTS)[number]
