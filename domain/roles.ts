import type { Person, Role, RoleGrant } from '../types/entities'

/** The part of a person that permission rules look at. */
export type Actor = Pick<Person, '_id' | 'branchId' | 'grants'>

/** What the role rules below read: a person's grants (a Person on the server, the app's MeView alike). */
export type Grants = Pick<Actor, 'grants'>

export const isCommittee = (actor: Grants): boolean => actor.grants.some((g) => g.role === 'committee')

export const isSecretaryOf = (actor: Grants, branchId: string): boolean =>
  actor.grants.some((g) => g.role === 'secretary' && g.branchId === branchId)

/** The branches a person leads as secretary, each once, in the order their grants list them. */
export const secretaryBranches = (actor: Grants): string[] => [
  ...new Set(actor.grants.flatMap((g) => (g.role === 'secretary' ? [g.branchId] : []))),
]

/** Whether a person is secretary of any branch. */
export const isSecretary = (actor: Grants): boolean => secretaryBranches(actor).length > 0

/** Whether a person leads anything: a branch as its secretary, or the company as the committee. */
export const isLeader = (actor: Grants): boolean => isCommittee(actor) || isSecretary(actor)

export const isMemberOf = (actor: Grants, branchId: string): boolean =>
  actor.grants.some((g) => g.role !== 'committee' && g.branchId === branchId)

/** Every role a person holds, strongest first, each once. */
export function rolesOf(actor: Grants): Role[] {
  const held = new Set(actor.grants.map((g: RoleGrant) => g.role))
  return (['committee', 'secretary', 'member'] as const).filter((r) => held.has(r))
}

/** The role a screen should greet the person with. */
export const primaryRole = (actor: Grants): Role => rolesOf(actor)[0] ?? 'member'

/** Committee sees every branch; others see the branches they belong to. */
export const canViewBranch = (actor: Grants, branchId: string): boolean =>
  isCommittee(actor) || isMemberOf(actor, branchId)

/** Phone numbers: the person, their branch secretary and the committee (PRODUCT.md, Privacy). */
export const canSeeContact = (actor: Actor, subject: Pick<Person, '_id' | 'branchId'>): boolean =>
  actor._id === subject._id ||
  isCommittee(actor) ||
  (subject.branchId !== null && isSecretaryOf(actor, subject.branchId))

/** Whether `actor` holds `grant` or a stronger role over it: the committee over everything, a secretary over their branch. */
function covers(actor: Actor, grant: RoleGrant): boolean {
  if (isCommittee(actor)) return true
  if (grant.role === 'committee') return false
  if (isSecretaryOf(actor, grant.branchId)) return true
  return (
    grant.role === 'member' && actor.grants.some((g) => g.role === 'member' && g.branchId === grant.branchId)
  )
}

/**
 * Role grants are monotone: someone may create, invite, bind or re-bind an identity only if they hold every
 * role it carries (so only the committee hands out a committee identity). Checked on top of each action's own
 * permission, against the target's roles as they are when the identity is handed over.
 */
export const canGrantRoles = (actor: Actor, grants: readonly RoleGrant[]): boolean =>
  grants.every((g) => covers(actor, g))
