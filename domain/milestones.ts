import type {
  Milestone,
  MilestoneAction,
  MilestoneReview,
  MilestoneStatus,
  ProjectStatus,
} from '../types/entities'
import { formatDay } from './dates'
import { rollUpProgress } from './projects'
import type { Actor } from './roles'
import { isCommittee, isSecretaryOf, secretaryBranches } from './roles'

export type { MilestoneAction }

const DAY_MS = 24 * 3600 * 1000

/** A deadline as a China day, YYYY-MM-DD (stored as that day's UTC midnight, sent to the app as the day). */
const deadlineDay = (deadline: Date | string): string =>
  typeof deadline === 'string' ? deadline : formatDay(deadline)

/**
 * 已逾期, the one rule: a milestone is overdue when it is not approved yet and its deadline day lies before
 * `today` (China days). Whether a screen or a sweep looks at it at all (the project's status) is theirs to say.
 */
export const isOverdue = (
  m: { status: MilestoneStatus; deadline: Date | string | null },
  today: string,
): boolean => m.status !== 'approved' && m.deadline !== null && deadlineDay(m.deadline) < today

/** Whole days a deadline lies before today (1 = due yesterday; 0 or less = not past). */
export const daysOverdue = (deadline: Date | string, today: string): number =>
  Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadlineDay(deadline)}T00:00:00Z`)) / DAY_MS)

const FLOW: Record<MilestoneAction, { from: readonly MilestoneStatus[]; to: MilestoneStatus }> = {
  submit: { from: ['open', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
}

export type MilestoneDenial = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'OWN_SUBMISSION'

/** Where a milestone goes when `actor` takes `action`, or why they cannot. */
export function milestoneStep(
  actor: Actor,
  action: MilestoneAction,
  m: Pick<Milestone, 'status' | 'ownerId' | 'branchId'> & { submittedBy?: string | null },
): { ok: true; to: MilestoneStatus } | { ok: false; reason: MilestoneDenial } {
  const step = FLOW[action]
  if (action === 'submit') {
    if (m.ownerId !== actor._id) return { ok: false, reason: 'FORBIDDEN' }
  } else {
    if (!isCommittee(actor) && !isSecretaryOf(actor, m.branchId)) return { ok: false, reason: 'FORBIDDEN' }
    if ((m.submittedBy ?? m.ownerId) === actor._id) return { ok: false, reason: 'OWN_SUBMISSION' }
  }
  if (!step.from.includes(m.status)) return { ok: false, reason: 'ILLEGAL_TRANSITION' }
  return { ok: true, to: step.to }
}

/** Who may record a check-in on a task: its assignees and the owners of its milestones. */
export const canCheckIn = (
  actor: Actor,
  task: { assigneeIds: readonly string[] },
  milestoneOwners: readonly string[],
): boolean => task.assigneeIds.includes(actor._id) || milestoneOwners.includes(actor._id)

/** Project states in which members check in and submit milestones: only while it is being implemented. */
export const WORKING_STATUSES: readonly ProjectStatus[] = ['in_progress']

/**
 * Project states in which a waiting submission may be approved or returned: also once acceptance is
 * requested, so that no submission is stranded in an inbox.
 */
export const REVIEW_STATUSES: readonly ProjectStatus[] = ['in_progress', 'acceptance_requested']

/** A milestone that has never been submitted. */
export const EMPTY_REVIEW: MilestoneReview = {
  round: 0,
  submittedBy: null,
  submittedAt: null,
  description: '',
  evidence: [],
  decidedBy: null,
  decidedAt: null,
  lastComment: '',
}

/** Whose submissions `actor` decides on: the committee every branch's, a secretary their branches'. */
export type ApprovalScope = { all: true } | { all: false; branchIds: string[] }

/** The approval inbox `actor` has, or null when they approve nothing (a member). */
export function approvalScope(actor: Actor): ApprovalScope | null {
  if (isCommittee(actor)) return { all: true }
  const branchIds = secretaryBranches(actor).sort()
  return branchIds.length > 0 ? { all: false, branchIds } : null
}

/** The project's progress once milestone `approvedId` is approved too (milestone-weighted, as everywhere). */
export const progressWithApproved = (
  milestones: readonly Pick<Milestone, '_id' | 'weight' | 'status'>[],
  approvedId: string,
): number =>
  rollUpProgress(
    milestones.map((m) => ({ weight: m.weight, done: m.status === 'approved' || m._id === approvedId })),
  )

/**
 * The id of a review record: one submission and at most one decision per round, so a second decision on
 * the same round cannot be stored even if two approvals ever raced past the status check.
 */
export const recordId = (milestoneId: string, round: number, action: MilestoneAction): string =>
  `${milestoneId}-r${round}-${action === 'submit' ? 'submit' : 'decision'}`
