import type { PostView } from '@contract/api'

/** What a group's feed has loaded, by id; the posts themselves live in the shared post store. */
export interface FeedIndex {
  /** Every post the server has answered for this feed (pinned and not), each once. */
  ids: string[]
  /** The pinned order of the latest first page, newest pin first. */
  pinnedOrder: string[]
  /** The last post loaded while more pages remain: older posts are not on screen yet. Null at the end. */
  horizon: { at: string; id: string } | null
}

export const EMPTY_FEED: FeedIndex = { ids: [], pinnedOrder: [], horizon: null }

/** Newest first, ties by id descending: the order the server pages in. */
const newestFirst = (a: PostView, b: PostView) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/** Whether the post falls inside the pages loaded so far (an unpinned announcement may be older). */
const loaded = (p: PostView, horizon: FeedIndex['horizon']) =>
  !horizon ||
  Date.parse(p.createdAt) > Date.parse(horizon.at) ||
  (p.createdAt === horizon.at && p.id >= horizon.id)

/**
 * The feed as the person sees it: pinned announcements on top (pinned this session first, then the server's
 * order), then the rest newest first. Derived from the posts' current state, so pinning, unpinning or
 * withdrawing on any page moves the post here too.
 */
export function feedLists(
  index: FeedIndex,
  byId: Record<string, PostView>,
  withdrawn: Record<string, true>,
  pinOrder: string[],
): { pinned: PostView[]; items: PostView[] } {
  const posts = index.ids.flatMap((id) => (byId[id] && !withdrawn[id] ? [byId[id]] : []))
  const rank = (id: string) => {
    const mine = pinOrder.indexOf(id)
    if (mine >= 0) return mine
    const server = index.pinnedOrder.indexOf(id)
    return server >= 0 ? pinOrder.length + server : Number.MAX_SAFE_INTEGER
  }
  const pinned = posts.filter((p) => p.pinned).sort((a, b) => rank(a.id) - rank(b.id) || newestFirst(a, b))
  const items = posts.filter((p) => !p.pinned && loaded(p, index.horizon)).sort(newestFirst)
  return { pinned, items }
}

/** The index after a page: its posts join what is known; a first page also brings the pinned order. */
export function withPage(
  prev: FeedIndex,
  page: { pinned: PostView[]; items: PostView[]; nextCursor: string | null },
  first: boolean,
): FeedIndex {
  const ids = [...new Set([...prev.ids, ...page.pinned.map((p) => p.id), ...page.items.map((p) => p.id)])]
  const last = page.items[page.items.length - 1]
  return {
    ids,
    pinnedOrder: first ? page.pinned.map((p) => p.id) : prev.pinnedOrder,
    horizon: page.nextCursor && last ? { at: last.createdAt, id: last.id } : null,
  }
}
