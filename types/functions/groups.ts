import { z } from 'zod'
import type { ProjectCategory, ProjectStatus, Role } from '../entities'
import { POST_KINDS } from '../entities-community'
import type { GroupRole, PostKind } from '../entities-community'
import { freeText, idSchema } from './common'
import type { PersonRef } from './projects'

// Limits mirror domain/groups.ts POST_LIMITS (types may not import domain). Photos are checked on the
// server against domain/files.ts: the caller's own uploads, photo types only.
const fileId = z.string().min(1).max(300).startsWith('cloud://', '文件编号无效')

/** Made by the app once per post or comment and sent again on every retry: never two copies. */
const requestId = z
  .string()
  .min(8, '请求编号至少 8 位')
  .max(64, '请求编号不能超过 64 位')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

/** Where the previous page ended (opaque: pass back `nextCursor`). */
const cursor = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, '翻页位置无效')

const limit = z.number().int().min(1).max(50).default(20)
const byPost = z.object({ postId: idSchema }).strict()
const byGroup = z.object({ groupId: idSchema }).strict()

export const groupsSchemas = {
  /** 党小组: the caller's group, and for a secretary every group of their branch. */
  myGroups: z.object({}).strict(),
  /** A page of the feed, newest first; the first page (no cursor) also carries the pinned announcements. */
  feed: z.object({ groupId: idSchema, cursor: cursor.optional(), limit }).strict(),
  /** A post (anyone in the group) or an announcement (secretary or group leader; pinned unless `pin: false`). */
  post: z
    .object({
      groupId: idSchema,
      requestId,
      kind: z.enum(POST_KINDS).default('post'),
      text: freeText(1000, { tooLong: '内容不能超过 1000 个字' }).default(''),
      photos: z.array(fileId).max(9, '最多 9 张照片').default([]),
      pin: z.boolean().optional(),
    })
    .strict()
    .refine((p) => p.text !== '' || (p.kind === 'post' && p.photos.length > 0), {
      message: '请填写内容',
      path: ['text'],
    })
    .refine((p) => p.kind === 'announcement' || p.pin === undefined, {
      message: '只有通知可以置顶',
      path: ['pin'],
    }),
  comment: z
    .object({
      postId: idSchema,
      requestId,
      text: freeText(500, { required: '请填写评论', tooLong: '评论不能超过 500 个字' }),
    })
    .strict(),
  /** A post's comments, oldest first. */
  comments: z.object({ postId: idSchema, cursor: cursor.optional(), limit }).strict(),
  /** Takes a post out of the feed (its author or the branch secretary); it is kept, with who and when. */
  withdraw: z.object({ postId: idSchema, reason: freeText(200).optional() }).strict(),
  /** One post as the feed shows it (withdrawn posts answer NOT_FOUND). */
  get: byPost,
  pin: byPost,
  unpin: byPost,
  /** The caller has read an announcement: once per person, however often it is sent. */
  markRead: byPost,
  /** Who has read an announcement and who in the group has not (secretary or group leader). */
  readers: byPost,
  /** 提醒未读: tells the group's members who have not read an announcement to read it, once a day. */
  remindUnread: byPost,
  /** The group's members with their role and this month's check-ins. */
  roster: byGroup,
  /** The projects the group's members work on, with the group's tasks in each. */
  groupProjects: byGroup,
}

/** What the caller may do with a post now. */
export interface PostPermissions {
  withdraw: boolean
  pin: boolean
  unpin: boolean
  readers: boolean
}

/** A post as the feed shows it. Text is plain text: render it as text, never as HTML. */
export interface PostView {
  id: string
  groupId: string
  kind: PostKind
  author: PersonRef
  text: string
  /** Cloud file ids. */
  photos: string[]
  pinned: boolean
  /** ISO instant. */
  createdAt: string
  commentCount: number
  /** Announcements: how many have read it; 0 for posts. */
  readCount: number
  /** Announcements: whether the caller has read it; null for posts. */
  readByMe: boolean | null
  can: PostPermissions
}

export interface GroupSummary {
  id: string
  name: string
  branch: { id: string; name: string }
  leader: PersonRef | null
  memberCount: number
  /** The caller's place in this group. */
  myRole: GroupRole
  /** Whether the caller's own group (a secretary also sees the branch's other groups). */
  mine: boolean
  posts: number
  lastPostAt: string | null
  /** Pinned announcements the caller has not read yet. */
  unreadAnnouncements: number
  can: { announce: boolean; pin: boolean; readers: boolean }
}

export interface FeedPage {
  /** Pinned announcements, newest pin first: on the first page only, empty on later pages. */
  pinned: PostView[]
  items: PostView[]
  /** Pass back for the next page; null at the end. */
  nextCursor: string | null
}

export interface CommentView {
  id: string
  postId: string
  author: PersonRef
  text: string
  createdAt: string
  mine: boolean
}

export interface ReadersView {
  postId: string
  readCount: number
  /** People in the group now. */
  memberCount: number
  /** Who has read it, first reader first (may include the secretary from outside the group). */
  read: { person: PersonRef; at: string }[]
  /** Members of the group who have not read it. */
  unread: PersonRef[]
  /** Whether 提醒未读 was sent today (China day): it can be sent once a day. */
  remindedToday: boolean
}

export interface RosterMember {
  id: string
  name: string
  title: string
  roles: Role[]
  groupRole: GroupRole
  /** 支部书记 / 党小组长 / 党员 */
  roleLabel: string
  /** Check-ins (打卡) the member recorded this month, in China time. */
  checkinsThisMonth: number
  /** Only for the member themself, their branch secretary and the committee. */
  phone: string | null
}

export interface Roster {
  group: { id: string; name: string; branchName: string }
  /** YYYY-MM (China) that `checkinsThisMonth` counts. */
  month: string
  /** The secretary first, then the leader, then members by id. */
  members: RosterMember[]
}

export interface GroupProjectView {
  id: string
  title: string
  category: ProjectCategory
  /** What the project's year calls its category. */
  categoryLabel: string
  status: ProjectStatus
  progress: number
  /** Tasks the group's members are assigned to or own a milestone of, with those members. */
  tasks: { id: string; title: string; members: PersonRef[] }[]
}

export interface GroupsOutputs {
  myGroups: { groups: GroupSummary[] }
  feed: FeedPage
  post: { post: PostView; created: boolean }
  comment: { comment: CommentView; commentCount: number; created: boolean }
  comments: { items: CommentView[]; nextCursor: string | null }
  withdraw: { postId: string; withdrawn: true }
  pin: { post: PostView }
  unpin: { post: PostView }
  markRead: { postId: string; readCount: number; created: boolean }
  get: { post: PostView }
  readers: ReadersView
  /** How many were told this time (those who turned the reminder off are not). */
  remindUnread: { postId: string; reminded: number; unread: number }
  roster: Roster
  groupProjects: { projects: GroupProjectView[] }
}
