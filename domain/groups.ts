import type { GroupRole } from '../types/entities-community'

/** What one post or comment may hold (the request schemas in types/functions/groups.ts mirror these). */
export const POST_LIMITS = { text: 1000, photos: 9, comment: 500 } as const

/** Pinned announcements a group may have at once: the top of a phone screen, not a second feed. */
export const MAX_PINNED = 5

/** The China calendar month an instant falls in (domain/time), re-exported for the group feed's readers. */
export { chinaMonth } from './time'

const RANK: Record<GroupRole, number> = { secretary: 0, leader: 1, member: 2 }

/** Roster order: the secretary, then the leader, then members by id. */
export function byGroupRole<T extends { groupRole: GroupRole; id: string }>(a: T, b: T): number {
  return RANK[a.groupRole] - RANK[b.groupRole] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The pinned list after pinning `postId`: newest pin first, each once. */
export const withPin = (pinnedIds: readonly string[], postId: string): string[] => [
  postId,
  ...pinnedIds.filter((id) => id !== postId),
]

export const withoutPin = (pinnedIds: readonly string[], postId: string): string[] =>
  pinnedIds.filter((id) => id !== postId)
