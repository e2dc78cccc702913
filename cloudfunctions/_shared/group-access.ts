import { canReadGroup } from '../../domain/group-permissions'
import type { PartyGroup, Person } from '../../types/entities'
import type { GroupPost } from '../../types/entities-community'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { getGroup, getPost } from './repositories/groups'

export const NOT_IN_GROUP = '只有本党小组的成员可以查看和发言'

/** The group, when the caller is in it (or is its branch secretary). */
export async function groupFor(
  caller: Person,
  groupId: string,
): Promise<{ ok: true; group: PartyGroup } | { ok: false; fail: Fail }> {
  const group = await getGroup(groupId)
  if (!group) return { ok: false, fail: fail('NOT_FOUND', '没有找到这个党小组') }
  if (!canReadGroup(caller, group)) return { ok: false, fail: fail('FORBIDDEN', NOT_IN_GROUP) }
  return { ok: true, group }
}

/**
 * A post in the feed and its group, when the caller is in the group. A withdrawn post is gone from the
 * feed, so it answers NOT_FOUND like one that never was (it stays stored, with who withdrew it).
 */
export async function postFor(
  caller: Person,
  postId: string,
): Promise<{ ok: true; post: GroupPost; group: PartyGroup } | { ok: false; fail: Fail }> {
  const post = await getPost(postId)
  if (!post || post.withdrawn) return { ok: false, fail: fail('NOT_FOUND', '没有找到这条内容，可能已撤回') }
  const access = await groupFor(caller, post.groupId)
  return access.ok ? { ok: true, post, group: access.group } : access
}
