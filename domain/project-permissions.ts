import { PROJECT_ACTIONS } from '../types/entities'
import type { Project, ProjectAction } from '../types/entities'
import { DECISIONS, PUBLIC_STATUSES, TRANSITIONS, nextStatus } from './lifecycle'
import type { Actor } from './roles'
import { canViewBranch, isCommittee, isSecretaryOf, secretaryBranches } from './roles'

export type Denial = 'FORBIDDEN' | 'OWN_SUBMISSION'

/**
 * May `actor` take `action` on `project`? Secretaries act on their own branch's projects, the committee
 * decides on every branch's, and nobody decides on a submission they sent themselves.
 */
export function canAct(
  actor: Actor,
  action: ProjectAction,
  project: Pick<Project, 'branchId' | 'submittedBy'>,
): { ok: true } | { ok: false; reason: Denial } {
  const by = TRANSITIONS[action].by
  const allowed = by === 'committee' ? isCommittee(actor) : isSecretaryOf(actor, project.branchId)
  if (!allowed) return { ok: false, reason: 'FORBIDDEN' }
  if (DECISIONS.includes(action) && project.submittedBy === actor._id)
    return { ok: false, reason: 'OWN_SUBMISSION' }
  return { ok: true }
}

/** The committee reads every project; members and secretaries read their own branch's. */
export const canReadProject = (actor: Actor, project: Pick<Project, 'branchId'>): boolean =>
  isCommittee(actor) || canViewBranch(actor, project.branchId)

/** 四公开海报: the branch secretary or the committee puts a public project's page on a notice board. */
export const canMakePoster = (actor: Actor, project: Pick<Project, 'branchId'>): boolean =>
  isCommittee(actor) || isSecretaryOf(actor, project.branchId)

/** 四公开: anyone, with or without a Party role, reads a running or finished project's public page. */
export const isPublic = (project: Pick<Project, 'status'>): boolean =>
  PUBLIC_STATUSES.includes(project.status)

/**
 * The branch a new draft belongs to: the one asked for when the actor is its secretary, otherwise the
 * branch the actor is secretary of; null when they may not draft for any.
 */
export function draftBranch(actor: Actor, requested: string | undefined): string | null {
  if (requested !== undefined) return isSecretaryOf(actor, requested) ? requested : null
  return secretaryBranches(actor)[0] ?? null
}

/** What keeps a project from moving on even where the state machine and permissions allow it. */
export interface Blockers {
  /** Proposal fields still empty: submit waits for them. */
  missingFields: number
  /** Plan problems (五个明确, tasks without people): start waits for them. */
  planProblems: number
}

/** Every action `actor` may take on `project` now, in lifecycle order (what the project page offers). */
export function availableActions(
  actor: Actor,
  project: Pick<Project, 'branchId' | 'submittedBy' | 'status'>,
  blockers: Blockers,
): ProjectAction[] {
  return PROJECT_ACTIONS.filter(
    (action) =>
      nextStatus(project.status, action).ok &&
      canAct(actor, action, project).ok &&
      !(action === 'submit' && blockers.missingFields > 0) &&
      !(action === 'start' && blockers.planProblems > 0),
  )
}
