import { create } from 'zustand'
import type { PostView } from '@contract/api'

interface GroupPostsState {
  /** Every post seen this session, as last answered by the server or changed by the caller. */
  byId: Record<string, PostView>
  /** Withdrawn this session: gone from every list on screen, whatever a page still holds. */
  withdrawn: Record<string, true>
  /** Pinned this session, newest first: a new pin heads the pinned list before the next reload says so. */
  pinOrder: string[]
  /** Announcements already sent to markRead this session, so each is sent once. */
  readAsked: Record<string, true>
  remember: (posts: PostView[]) => void
  /** A pin or unpin answered by the server. */
  repinned: (post: PostView) => void
  withdraw: (postId: string) => void
  /** The caller has read the announcement; `readCount` is the server's new count. */
  read: (postId: string, readCount: number) => void
  commented: (postId: string, commentCount: number) => void
  /** Claims the one markRead of a post; false when it was claimed already. */
  askRead: (postId: string) => boolean
  /** Gives the claim back after a failed markRead, so a later showing tries again. */
  unaskRead: (postId: string) => void
}

const patch = (byId: Record<string, PostView>, postId: string, change: Partial<PostView>) => {
  const post = byId[postId]
  return post ? { byId: { ...byId, [postId]: { ...post, ...change } } } : {}
}

/**
 * The posts of the Party group screens, shared by the feed, the post page and the readers page: a comment,
 * a pin or a withdrawal made on one page shows on the other without a reload.
 */
export const useGroupPosts = create<GroupPostsState>()((set, get) => ({
  byId: {},
  withdrawn: {},
  pinOrder: [],
  readAsked: {},
  remember: (posts) =>
    set(({ byId }) => ({ byId: { ...byId, ...Object.fromEntries(posts.map((p) => [p.id, p])) } })),
  repinned: (post) =>
    set(({ byId, pinOrder }) => ({
      byId: { ...byId, [post.id]: post },
      pinOrder: [...(post.pinned ? [post.id] : []), ...pinOrder.filter((id) => id !== post.id)],
    })),
  withdraw: (postId) => set(({ withdrawn }) => ({ withdrawn: { ...withdrawn, [postId]: true } })),
  read: (postId, readCount) => set(({ byId }) => patch(byId, postId, { readByMe: true, readCount })),
  commented: (postId, commentCount) => set(({ byId }) => patch(byId, postId, { commentCount })),
  askRead: (postId) => {
    if (get().readAsked[postId]) return false
    set(({ readAsked }) => ({ readAsked: { ...readAsked, [postId]: true } }))
    return true
  },
  unaskRead: (postId) =>
    set(({ readAsked }) => {
      const next = { ...readAsked }
      delete next[postId]
      return { readAsked: next }
    }),
}))
