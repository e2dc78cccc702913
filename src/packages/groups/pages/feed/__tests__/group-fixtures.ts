/** Party group data for the 党小组 page tests, typed by the contract so a contract change breaks them. */
import type { CommentView, FeedPage, GroupSummary, PostView } from '@contract/api'
import { useGroupPosts } from '@/features/groups/post-store'

export function groupSummary(overrides: Partial<GroupSummary> = {}): GroupSummary {
  return {
    id: 'g-1',
    name: '第一党小组',
    branch: { id: 'b-sales', name: '营销党支部' },
    leader: { id: 'p-guo', name: '郭秀英' },
    memberCount: 6,
    myRole: 'member',
    mine: true,
    posts: 5,
    lastPostAt: '2026-03-02T01:00:00.000Z',
    unreadAnnouncements: 0,
    can: { announce: false, pin: false, readers: false },
    ...overrides,
  }
}

const noRights = { withdraw: false, pin: false, unpin: false, readers: false }

export function post(id: string, text: string, overrides: Partial<PostView> = {}): PostView {
  return {
    id,
    groupId: 'g-1',
    kind: 'post',
    author: { id: 'p-cao', name: '曹泽宇' },
    text,
    photos: [],
    pinned: false,
    createdAt: '2026-03-02T01:00:00.000Z',
    commentCount: 0,
    readCount: 0,
    readByMe: null,
    can: noRights,
    ...overrides,
  }
}

export function announcement(id: string, text: string, overrides: Partial<PostView> = {}): PostView {
  return post(id, text, {
    kind: 'announcement',
    author: { id: 'p-guo', name: '郭秀英' },
    pinned: true,
    readCount: 3,
    readByMe: true,
    ...overrides,
  })
}

export const feedPage = (
  pinned: PostView[],
  items: PostView[],
  nextCursor: string | null = null,
): FeedPage => ({
  pinned,
  items,
  nextCursor,
})

export function comment(id: string, text: string, overrides: Partial<CommentView> = {}): CommentView {
  return {
    id,
    postId: 'gp-1',
    author: { id: 'p-guo', name: '郭秀英' },
    text,
    createdAt: '2026-03-02T02:00:00.000Z',
    mine: false,
    ...overrides,
  }
}

/** The session's shared posts, emptied between tests as a fresh app start would. */
export const resetGroupPosts = (posts: PostView[] = []): void =>
  useGroupPosts.setState({
    byId: Object.fromEntries(posts.map((p) => [p.id, p])),
    withdrawn: {},
    pinOrder: [],
    readAsked: {},
  })
