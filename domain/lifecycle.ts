import type { ProjectAction, ProjectStatus } from '../types/entities'

/** Who may take an action: the project's branch secretary, or the committee. */
export type Actor = 'secretary' | 'committee'

interface Transition {
  from: readonly ProjectStatus[]
  to: ProjectStatus | 'same'
  by: Actor
  /** A comment is required (returns must say why). */
  needsComment?: boolean
}

/** The one state machine of a project (选题 → 答题 → 结题). `same` keeps the status (edits). */
export const TRANSITIONS: Record<ProjectAction, Transition> = {
  create: { from: [], to: 'draft', by: 'secretary' },
  edit: { from: ['draft', 'returned'], to: 'same', by: 'secretary' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'secretary' },
  withdraw: { from: ['submitted'], to: 'draft', by: 'secretary' },
  approve: { from: ['submitted'], to: 'approved', by: 'committee' },
  return: { from: ['submitted'], to: 'returned', by: 'committee', needsComment: true },
  save_plan: { from: ['approved', 'in_progress'], to: 'same', by: 'secretary' },
  start: { from: ['approved'], to: 'in_progress', by: 'secretary' },
  request_acceptance: { from: ['in_progress'], to: 'acceptance_requested', by: 'secretary' },
  accept: { from: ['acceptance_requested'], to: 'closed', by: 'committee' },
  return_acceptance: {
    from: ['acceptance_requested'],
    to: 'in_progress',
    by: 'committee',
    needsComment: true,
  },
  archive: { from: ['closed'], to: 'archived', by: 'committee' },
}

export type TransitionResult = { ok: true; to: ProjectStatus } | { ok: false; reason: 'ILLEGAL_TRANSITION' }

/** Where `action` takes a project in `status`, or why it cannot. */
export function nextStatus(status: ProjectStatus, action: ProjectAction): TransitionResult {
  const t = TRANSITIONS[action]
  if (!t.from.includes(status)) return { ok: false, reason: 'ILLEGAL_TRANSITION' }
  return { ok: true, to: t.to === 'same' ? status : t.to }
}

/** Actions whose result is a decision on someone else's submission. */
export const DECISIONS: readonly ProjectAction[] = ['approve', 'return', 'accept', 'return_acceptance']

/** Statuses whose project has a public 四公开 page. */
export const PUBLIC_STATUSES: readonly ProjectStatus[] = [
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
]
