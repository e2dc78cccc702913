import { ok } from '../../../types/result'
import { groupAccess } from '../../_shared/group-access'
import { cursorAfter, parseCursor, toPostView } from '../../_shared/group-views'
import { getBoard, getGroup, getPosts, listFeed, readPostIds } from '../../_shared/repositories/groups'
import { readingEarly } from '../../_shared/router'

/**
 * A page of a group's feed, newest first, one indexed range read past the cursor (never a skip). The first
 * page also carries the pinned announcements, in pin order. Reads: the group, the board and the page with the
 * caller, then the pinned posts, the caller's reads and the page's links at once, then the pinned posts' links.
 */
export const feed = readingEarly<'groups', 'feed'>()(
  ({ groupId, cursor, limit }) => {
    const mark = cursor ? parseCursor(cursor) : null
    return Promise.all([
      getGroup(groupId),
      mark ? Promise.resolve(null) : getBoard(groupId),
      listFeed(groupId, mark, limit + 1),
    ])
  },
  async ({ limit }, { caller, early: [group, board, rows], links }) => {
    const access = groupAccess(caller, group)
    if (!access.ok) return access.fail
    const items = rows.slice(0, limit)
    links.prefetch(items)
    const pinnedIds = board?.pinnedIds ?? []
    const [pinnedPosts, read] = await Promise.all([
      pinnedIds.length > 0 ? getPosts(pinnedIds) : Promise.resolve([]),
      readPostIds(
        [...pinnedIds, ...items.filter((p) => p.kind === 'announcement').map((p) => p._id)],
        caller._id,
      ),
    ])
    const byId = new Map(pinnedPosts.map((p) => [p._id, p]))
    const pinned = pinnedIds.flatMap((id) => {
      const p = byId.get(id)
      return p && p.pinned && !p.withdrawn ? [p] : []
    })
    const view = (p: (typeof items)[number]) => toPostView(p, access.group, caller, read.has(p._id))
    const last = items[items.length - 1]
    return ok({
      pinned: pinned.map(view),
      items: items.map(view),
      nextCursor: rows.length > limit && last ? cursorAfter(last.createdAt, last._id) : null,
    })
  },
)
