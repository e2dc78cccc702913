import { ok } from '../../../types/result'
import { postFor } from '../../_shared/group-access'
import { toPostView } from '../../_shared/group-views'
import { readPostIds } from '../../_shared/repositories/groups'
import type { Handler } from '../../_shared/router'

/** One post, for a page opened from a link, a reminder or a reload: the same view the feed gives. */
export const get: Handler<'groups', 'get'> = async ({ postId }, { caller }) => {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  const read = await readPostIds([postId], caller._id)
  return ok({ post: toPostView(access.post, access.group, caller, read.has(postId)) })
}
