/** A planned reminder, its key, and who receives which kinds and how (in-app only, deferred, pushed). */
import type { PushState } from '../types/entities'
import type { ReminderKind, ReminderValues } from '../types/entities-reminders'
import { REMINDER_KINDS } from '../types/entities-reminders'
import type { Actor } from './roles'
import { isCommittee, isSecretary } from './roles'

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
  'org_changed',
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
  'proposal_due',
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
