import type { Lecture, LectureAction, LectureAudience } from '../types/entities-community'
import { COMPANY_AUDIENCE } from '../types/entities-community'
import type { Actor } from './roles'
import { isCommittee, isSecretaryOf, secretaryBranches } from './roles'

/** The branches the actor belongs to (as member or secretary): lectures for those reach them. */
const ownBranches = (actor: Actor): string[] => [
  ...new Set(actor.grants.flatMap((g) => (g.role === 'committee' ? [] : [g.branchId]))),
]

/** The listing keys of lectures meant for the actor: the whole company's, and each of their branches'. */
export const audienceKeys = (actor: Actor): string[] => [COMPANY_AUDIENCE, ...ownBranches(actor)]

/** Whether a lecture for `audience` reaches the actor. Everyone registered is in the company. */
export function inAudience(actor: Actor, audience: LectureAudience): boolean {
  if (audience.scope === 'company') return actor.grants.length > 0
  const mine = ownBranches(actor)
  return audience.branchIds.some((b) => mine.includes(b))
}

/** Editing, publishing, withdrawing and seeing the figures: the committee, or the publishing branch's secretary. */
export const canManageLecture = (actor: Actor, lecture: Pick<Lecture, 'ownerBranchId'>): boolean =>
  isCommittee(actor) || (lecture.ownerBranchId !== null && isSecretaryOf(actor, lecture.ownerBranchId))

/** A secretary publishes to their own branches only; the committee to anyone. */
export const canTargetAudience = (actor: Actor, audience: LectureAudience): boolean =>
  isCommittee(actor) ||
  (audience.scope === 'branches' && audience.branchIds.every((b) => isSecretaryOf(actor, b)))

export type CreationBranch = { ok: true; ownerBranchId: string | null } | { ok: false; requested: boolean }

/**
 * The branch a new lecture belongs to: the one asked for when the actor is its secretary (or on the
 * committee); otherwise the committee's own (null) for committee staff, or the secretary's branch.
 */
export function creationBranch(actor: Actor, requested: string | undefined): CreationBranch {
  if (requested !== undefined) {
    return isCommittee(actor) || isSecretaryOf(actor, requested)
      ? { ok: true, ownerBranchId: requested }
      : { ok: false, requested: true }
  }
  if (isCommittee(actor)) return { ok: true, ownerBranchId: null }
  const own = secretaryBranches(actor)[0]
  return own !== undefined ? { ok: true, ownerBranchId: own } : { ok: false, requested: false }
}

/** The default audience of a new lecture: its branch, or the whole company for the committee's own. */
export const defaultAudience = (ownerBranchId: string | null): LectureAudience =>
  ownerBranchId === null ? { scope: 'company' } : { scope: 'branches', branchIds: [ownerBranchId] }

/** Reading a lecture: its audience once it is published; its editors always. */
export const canReadLecture = (
  actor: Actor,
  lecture: Pick<Lecture, 'ownerBranchId' | 'status' | 'audience'>,
): boolean =>
  (lecture.status === 'published' && inAudience(actor, lecture.audience)) || canManageLecture(actor, lecture)

/** What the actor may do with the lecture now: edit and publish a draft, withdraw a published one. */
export function lectureActions(
  actor: Actor,
  lecture: Pick<Lecture, 'ownerBranchId' | 'status' | 'audience'>,
): LectureAction[] {
  if (!canManageLecture(actor, lecture)) return []
  if (lecture.status === 'draft')
    return canTargetAudience(actor, lecture.audience) ? ['edit', 'publish'] : ['edit']
  return lecture.status === 'published' ? ['withdraw'] : []
}
