import type { GroupComment, GroupPost } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { postFor } from '../../_shared/group-access'
import { toCommentView } from '../../_shared/group-views'
import { requestDocId } from '../../_shared/request-ids'
import type { Handler } from '../../_shared/router'
import { addCountedOnPost } from '../post-counts'
import { runInTransaction, txGet } from '../../_shared/transaction'

/** A comment and the post's comment count, in one transaction; a retried request finds the first comment. */
export const comment: Handler<'groups', 'comment'> = async ({ postId, requestId, text }, { caller }) => {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  const id = requestDocId('gc', caller._id, requestId)
  return runInTransaction(async (t) => {
    const post = await txGet<GroupPost>(t, COLLECTIONS.groupPosts, postId)
    const earlier = await txGet<GroupComment>(t, COLLECTIONS.groupComments, id)
    if (earlier) {
      return ok({
        comment: toCommentView(earlier, caller._id),
        commentCount: post?.commentCount ?? 0,
        created: false,
      })
    }
    if (!post || post.withdrawn) return fail('NOT_FOUND', '没有找到这条内容，可能已撤回')
    const doc: GroupComment = {
      _id: id,
      requestId,
      postId,
      groupId: post.groupId,
      authorId: caller._id,
      authorName: caller.name,
      text,
      createdAt: new Date(),
    }
    await addCountedOnPost(t, COLLECTIONS.groupComments, doc, 'commentCount')
    return ok({ comment: toCommentView(doc, caller._id), commentCount: post.commentCount + 1, created: true })
  })
}
