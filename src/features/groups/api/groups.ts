import type { ActionInput, ActionName, ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

type Out<A extends ActionName<'groups'>> = Promise<ActionOutput<'groups', A>>

/** 党小组: my group, and for a secretary every group of the branch. */
export const fetchMyGroups = (): Out<'myGroups'> => callCloud('groups', 'myGroups', {})

/** A page of a group's feed, newest first; the first page (no cursor) also carries the pinned announcements. */
export const fetchFeed = (groupId: string, cursor?: string): Out<'feed'> =>
  callCloud('groups', 'feed', cursor ? { groupId, cursor } : { groupId })

/** A post or an announcement; sending the same request id again returns the first one. */
export const createPost = (payload: ActionInput<'groups', 'post'>): Out<'post'> =>
  callCloud('groups', 'post', payload)

/** A comment on a post; sending the same request id again returns the first one. */
export const createComment = (payload: ActionInput<'groups', 'comment'>): Out<'comment'> =>
  callCloud('groups', 'comment', payload)

/** A post's comments, oldest first; pass the previous page's `nextCursor` for the next. */
export const fetchComments = (postId: string, cursor?: string): Out<'comments'> =>
  callCloud('groups', 'comments', cursor ? { postId, cursor } : { postId })

/** Takes a post out of the feed; the server keeps it, with who and when. */
/** One post, for a post page opened without its feed (a reload, a link, a reminder). */
export const fetchPost = (postId: string): Out<'get'> => callCloud('groups', 'get', { postId })

export const withdrawPost = (postId: string): Out<'withdraw'> => callCloud('groups', 'withdraw', { postId })

export const pinPost = (postId: string): Out<'pin'> => callCloud('groups', 'pin', { postId })

export const unpinPost = (postId: string): Out<'unpin'> => callCloud('groups', 'unpin', { postId })

/** The caller has read an announcement; the server counts each person once. */
export const markAnnouncementRead = (postId: string): Out<'markRead'> =>
  callCloud('groups', 'markRead', { postId })

/** Who has read an announcement and who has not (secretary or group leader). */
export const fetchReaders = (postId: string): Out<'readers'> => callCloud('groups', 'readers', { postId })

/** 提醒未读: tells the members who have not read an announcement, once a day. */
export const remindUnread = (postId: string): Out<'remindUnread'> =>
  callCloud('groups', 'remindUnread', { postId })

/** The group's members with role, title, this month's check-ins and (where allowed) phone. */
export const fetchRoster = (groupId: string): Out<'roster'> => callCloud('groups', 'roster', { groupId })

/** The projects the group works on, with the group's tasks in each. */
export const fetchGroupProjects = (groupId: string): Out<'groupProjects'> =>
  callCloud('groups', 'groupProjects', { groupId })
