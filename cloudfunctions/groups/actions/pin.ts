import { canPin } from '../../../domain/group-permissions'
import { MAX_PINNED, withPin, withoutPin } from '../../../domain/groups'
import type { Person } from '../../../types/entities'
import type { GroupBoard, GroupPost, GroupPostEvent } from '../../../types/entities-community'
import type { PostView } from '../../../types/functions/groups'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { postFor } from '../../_shared/group-access'
import { toPostView } from '../../_shared/group-views'
import { newId } from '../../_shared/ids'
import { readPostIds } from '../../_shared/repositories/groups'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * Pins or unpins an announcement (secretary or group leader): the post and the group's board change together,
 * with an event. Pinning what is pinned, or unpinning what is not, changes and records nothing.
 */
async function setPinned(
  postId: string,
  pinned: boolean,
  caller: Person,
): Promise<Result<{ post: PostView }>> {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  const { group } = access
  if (!canPin(caller, group)) return fail('FORBIDDEN', '只有支部书记和党小组长可以置顶通知')
  if (access.post.kind !== 'announcement') return fail('CONFLICT', '只有通知可以置顶')
  const read = await readPostIds([postId], caller._id)
  return runInTransaction(async (t) => {
    const post = await txGet<GroupPost>(t, COLLECTIONS.groupPosts, postId)
    if (!post || post.withdrawn) return fail('NOT_FOUND', '没有找到这条内容，可能已撤回')
    const view = (p: GroupPost) => ok({ post: toPostView(p, group, caller, read.has(postId)) })
    if (post.pinned === pinned) return view(post)
    const board = (await txGet<GroupBoard>(t, COLLECTIONS.groupBoards, post.groupId)) ?? {
      pinnedIds: [],
      posts: 0,
      lastPostAt: null,
    }
    if (pinned && board.pinnedIds.length >= MAX_PINNED) {
      return fail('CONFLICT', `最多置顶 ${MAX_PINNED} 条通知，请先取消一条置顶`)
    }
    const now = new Date()
    const next: GroupPost = { ...post, pinned, pinnedAt: pinned ? now : null }
    await t
      .collection(COLLECTIONS.groupPosts)
      .doc(postId)
      .update({ data: { pinned, pinnedAt: next.pinnedAt } })
    await t
      .collection(COLLECTIONS.groupBoards)
      .doc(post.groupId)
      .set({
        data: {
          pinnedIds: pinned ? withPin(board.pinnedIds, postId) : withoutPin(board.pinnedIds, postId),
          posts: board.posts,
          lastPostAt: board.lastPostAt,
        },
      })
    const event: GroupPostEvent = {
      _id: newId('gpe'),
      postId,
      groupId: post.groupId,
      action: pinned ? 'pin' : 'unpin',
      actorId: caller._id,
      actorName: caller.name,
      comment: '',
      at: now,
    }
    await t.collection(COLLECTIONS.groupPostEvents).add({ data: event })
    return view(next)
  })
}

export const pin: Handler<'groups', 'pin'> = ({ postId }, { caller }) => setPinned(postId, true, caller)

export const unpin: Handler<'groups', 'unpin'> = ({ postId }, { caller }) => setPinned(postId, false, caller)
