import type { Actor } from './roles'
import { isCommittee, canViewBranch } from './roles'

export type ListScope =
  { ok: true; branchId: string | undefined } | { ok: false; reason: 'FOREIGN_BRANCH' | 'NO_BRANCH' }

/**
 * Which branch a project list may cover: the committee any (or all), everyone else only their own.
 * A member asking for no branch gets their own.
 */
export function projectListScope(actor: Actor, requested: string | undefined): ListScope {
  if (isCommittee(actor)) return { ok: true, branchId: requested }
  if (requested !== undefined) {
    return canViewBranch(actor, requested)
      ? { ok: true, branchId: requested }
      : { ok: false, reason: 'FOREIGN_BRANCH' }
  }
  return actor.branchId ? { ok: true, branchId: actor.branchId } : { ok: false, reason: 'NO_BRANCH' }
}

/** Milestone-weighted progress, 0–100, rounded to whole percent. */
export function rollUpProgress(milestones: readonly { weight: number; done: boolean }[]): number {
  const total = milestones.reduce((s, m) => s + Math.max(0, m.weight), 0)
  if (total === 0) return 0
  const done = milestones.reduce((s, m) => s + (m.done ? Math.max(0, m.weight) : 0), 0)
  return Math.round((done / total) * 100)
}
