import { canReadGroup } from '../../domain/group-permissions'
import type { PartyGroup, Person } from '../../types/entities'
import type { GroupPost } from '../../types/entities-community'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { getGroup, getPost } from './repositories/groups'

export const NOT_IN_GROUP = '只有本党小组的成员可以查看和发言'

type GroupAccess = { ok: true; group: PartyGroup } | { ok: false; fail: Fail }

/** A group already read, when the caller is in it (or is its branch secretary). */
export function groupAccess(caller: Person, group: PartyGroup | null): GroupAccess {
  if (!group) return { ok: false, fail: fail('NOT_FOUND', '没有找到这个党小组') }
  if (!canReadGroup(caller, group)) return { ok: false, fail: fail('FORBIDDEN', NOT_IN_GROUP) }
  return { ok: true, group }
}

/** The group, when the caller is in it (or is its branch secretary). */
export async function groupFor(caller: Person, groupId: string): Promise<GroupAccess> {
  return groupAccess(caller, await getGroup(groupId))
}

/** A post already read that is still in the feed (not withdrawn), or the NOT_FOUND a missing one gets. */
export function livePost(post: GroupPost | null): { ok: true; post: GroupPost } | { ok: false; fail: Fail } {
  if (!post || post.withdrawn) return { ok: false, fail: fail('NOT_FOUND', '没有找到这条内容，可能已撤回') }
  return { ok: true, post }
}

/**
 * A post in the feed and its group, when the caller is in the group. A withdrawn post is gone from the
 * feed, so it answers NOT_FOUND like one that never was (it stays stored, with who withdrew it).
 */
export async function postFor(
  caller: Person,
  postId: string,
): Promise<{ ok: true; post: GroupPost; group: PartyGroup } | { ok: false; fail: Fail }> {
  const live = livePost(await getPost(postId))
  if (!live.ok) return live
  const access = await groupFor(caller, live.post.groupId)
  return access.ok ? { ok: true, post: live.post, group: access.group } : access
}
