import type { AnnouncementRead, GroupPost } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { postFor } from '../../_shared/group-access'
import { readId } from '../../_shared/repositories/groups'
import type { Handler } from '../../_shared/router'
import { addCountedOnPost } from '../post-counts'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * The caller has read an announcement. The read's id is the post and the person, and it is written with the
 * post's read count in one transaction: however often and however concurrently it is sent, one read, one
 * count.
 */
export const markRead: Handler<'groups', 'markRead'> = async ({ postId }, { caller }) => {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  if (access.post.kind !== 'announcement') return fail('CONFLICT', '只有通知需要标记已读')
  const id = readId(postId, caller._id)
  return runInTransaction(async (t) => {
    const post = await txGet<GroupPost>(t, COLLECTIONS.groupPosts, postId)
    if (!post || post.withdrawn) return fail('NOT_FOUND', '没有找到这条内容，可能已撤回')
    if (await txGet<AnnouncementRead>(t, COLLECTIONS.announcementReads, id)) {
      return ok({ postId, readCount: post.readCount, created: false })
    }
    const read: AnnouncementRead = {
      _id: id,
      postId,
      groupId: post.groupId,
      personId: caller._id,
      personName: caller.name,
      at: new Date(),
    }
    await addCountedOnPost(t, COLLECTIONS.announcementReads, read, 'readCount')
    return ok({ postId, readCount: post.readCount + 1, created: true })
  })
}
