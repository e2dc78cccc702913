import type { Milestone, MilestoneStatus } from '../types/entities'
import type { Actor } from './roles'
import { isCommittee, isSecretaryOf } from './roles'

export type MilestoneAction = 'submit' | 'approve' | 'return'

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
