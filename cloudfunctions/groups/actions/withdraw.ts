import { canWithdrawPost } from '../../../domain/group-permissions'
import { withoutPin } from '../../../domain/groups'
import type { GroupBoard, GroupPost, GroupPostEvent } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { groupFor } from '../../_shared/group-access'
import { newId } from '../../_shared/ids'
import { getPost } from '../../_shared/repositories/groups'
import { dropFromSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * Takes a post out of the feed (its author or the branch secretary). Nothing is deleted: the post is marked
 * withdrawn, with who and when, an event records it, and a pinned announcement leaves the board. Withdrawing
 * again answers the same and records nothing.
 */
export const withdraw: Handler<'groups', 'withdraw'> = async ({ postId, reason }, { caller }) => {
  const found = await getPost(postId)
  if (!found) return fail('NOT_FOUND', '没有找到这条内容')
  const access = await groupFor(caller, found.groupId)
  if (!access.ok) return access.fail
  if (!canWithdrawPost(caller, access.group, found))
    return fail('FORBIDDEN', '只有发布者本人和支部书记可以撤回')
  const res = await runInTransaction(async (t) => {
    const post = await txGet<GroupPost>(t, COLLECTIONS.groupPosts, postId)
    if (!post) return fail('NOT_FOUND', '没有找到这条内容')
    if (post.withdrawn) return ok({ postId, withdrawn: true as const })
    const now = new Date()
    const board = await txGet<GroupBoard>(t, COLLECTIONS.groupBoards, post.groupId)
    await t
      .collection(COLLECTIONS.groupPosts)
      .doc(postId)
      .update({
        data: { withdrawn: true, withdrawnAt: now, withdrawnBy: caller._id, pinned: false, pinnedAt: null },
      })
    if (board) {
      await t
        .collection(COLLECTIONS.groupBoards)
        .doc(post.groupId)
        .update({
          data: { pinnedIds: withoutPin(board.pinnedIds, postId), posts: Math.max(0, board.posts - 1) },
        })
    }
    const event: GroupPostEvent = {
      _id: newId('gpe'),
      postId,
      groupId: post.groupId,
      action: 'withdraw',
      actorId: caller._id,
      actorName: caller.name,
      comment: reason ?? '',
      at: now,
    }
    await t.collection(COLLECTIONS.groupPostEvents).add({ data: event })
    return ok({ postId, withdrawn: true as const })
  })
  // No longer found in search.
  if (res.ok) await dropFromSearch([postId])
  return res
}
