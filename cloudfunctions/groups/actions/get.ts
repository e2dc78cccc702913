import { ok } from '../../../types/result'
import { groupAccess, livePost } from '../../_shared/group-access'
import { toPostView } from '../../_shared/group-views'
import { getGroup, getPost, readPostIds } from '../../_shared/repositories/groups'
import { readingEarly } from '../../_shared/router'

/**
 * One post, for a page opened from a link, a reminder or a reload: the same view the feed gives. Reads: the post
 * with the caller, then its group, whether the caller read it and its files' links at once.
 */
export const get = readingEarly<'groups', 'get'>()(
  ({ postId }) => getPost(postId),
  async ({ postId }, { caller, early, links }) => {
    const live = livePost(early)
    if (!live.ok) return live.fail
    links.prefetch(live.post)
    const [group, read] = await Promise.all([getGroup(live.post.groupId), readPostIds([postId], caller._id)])
    const access = groupAccess(caller, group)
    if (!access.ok) return access.fail
    return ok({ post: toPostView(live.post, access.group, caller, read.has(postId)) })
  },
)
