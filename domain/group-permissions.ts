import type { PartyGroup, Person } from '../types/entities'
import type { GroupPost, GroupRole, PostKind } from '../types/entities-community'
import type { Actor } from './roles'
import { isSecretaryOf } from './roles'

/** The part of a person that group rules look at: their roles and the group they belong to. */
export type GroupActor = Actor & Pick<Person, 'groupId'>

type GroupRef = Pick<PartyGroup, '_id' | 'branchId' | 'leaderId'>

/**
 * The actor's place in a group: the secretary of its branch (who manages every group of the branch), its
 * leader, a member (the group is theirs), or null for anyone else — the committee included, as only a
 * group's members read and post in it.
 */
export function groupRole(actor: GroupActor, group: GroupRef): GroupRole | null {
  if (isSecretaryOf(actor, group.branchId)) return 'secretary'
  if (actor.groupId !== group._id) return null
  return group.leaderId === actor._id ? 'leader' : 'member'
}

/** Reading the feed, the comments, the roster and the group's projects. */
export const canReadGroup = (actor: GroupActor, group: GroupRef): boolean => groupRole(actor, group) !== null

/** Whether the actor leads the group's Party work: the branch secretary or the group leader. */
export function leadsGroup(actor: GroupActor, group: GroupRef): boolean {
  const role = groupRole(actor, group)
  return role === 'secretary' || role === 'leader'
}

/** Anyone in the group posts and comments; announcements come from the secretary or the group leader. */
export const canPost = (actor: GroupActor, group: GroupRef, kind: PostKind): boolean =>
  kind === 'announcement' ? leadsGroup(actor, group) : canReadGroup(actor, group)

/** Pinning and unpinning announcements. */
export const canPin = leadsGroup

/** Who has read an announcement, and who has not. */
export const canSeeReaders = leadsGroup

/** A post leaves the feed at the hand of its author (while still in the group) or the branch secretary. */
export const canWithdrawPost = (
  actor: GroupActor,
  group: GroupRef,
  post: Pick<GroupPost, 'authorId'>,
): boolean =>
  isSecretaryOf(actor, group.branchId) || (post.authorId === actor._id && canReadGroup(actor, group))
