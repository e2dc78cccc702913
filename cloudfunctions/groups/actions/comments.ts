import { ok } from '../../../types/result'
import { postFor } from '../../_shared/group-access'
import { cursorAfter, parseCursor, toCommentView } from '../../_shared/group-views'
import { listComments } from '../../_shared/repositories/groups'
import type { Handler } from '../../_shared/router'

/** A post's comments, oldest first, a page at a time past the cursor (one indexed read per page). */
export const comments: Handler<'groups', 'comments'> = async ({ postId, cursor, limit }, { caller }) => {
  const [access, rows] = await Promise.all([
    postFor(caller, postId),
    listComments(postId, cursor ? parseCursor(cursor) : null, limit + 1),
  ])
  if (!access.ok) return access.fail
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return ok({
    items: items.map((c) => toCommentView(c, caller._id)),
    nextCursor: rows.length > limit && last ? cursorAfter(last.createdAt, last._id) : null,
  })
}
