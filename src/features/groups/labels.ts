import type { GroupSummary, PostView } from '@contract/api'

// Words only the Party group screens use; group roles and post kinds are labelled in domain/labels.ts.

/** The word beside an announcement held at the top of the feed. */
export const PINNED_LABEL = '置顶'

/** The badge on a group card: the number and what it counts, never the number alone. */
export const unreadBadgeText = (g: Pick<GroupSummary, 'unreadAnnouncements'>): string =>
  `${g.unreadAnnouncements} 条通知未读`

/** Whether the caller has read an announcement, as a word. */
export const readByMeText = (post: Pick<PostView, 'readByMe'>): string =>
  post.readByMe ? '我已读' : '我未读'

/** The tabs of a group's page. */
export const GROUP_TAB_LABELS = { feed: '动态', roster: '成员', projects: '项目' } as const

export type GroupTab = keyof typeof GROUP_TAB_LABELS
