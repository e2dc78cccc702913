import { canPin, canSeeReaders, canWithdrawPost } from '../../domain/group-permissions'
import type { GroupActor } from '../../domain/group-permissions'
import type { PartyGroup } from '../../types/entities'
import type { GroupComment, GroupPost } from '../../types/entities-community'
import type { CommentView, PostView } from '../../types/functions/groups'
import { iso } from './project-views'
import type { PageMark } from './repositories/groups'

type GroupRef = Pick<PartyGroup, '_id' | 'branchId' | 'leaderId'>

/** A post as `actor` sees it; `readByMe` only means something for announcements. */
export function toPostView(post: GroupPost, group: GroupRef, actor: GroupActor, readByMe: boolean): PostView {
  const announcement = post.kind === 'announcement'
  const live = !post.withdrawn
  const leads = canPin(actor, group)
  return {
    id: post._id,
    groupId: post.groupId,
    kind: post.kind,
    author: { id: post.authorId, name: post.authorName },
    text: post.text,
    photos: post.photos,
    pinned: post.pinned,
    createdAt: iso(post.createdAt),
    commentCount: post.commentCount,
    readCount: announcement ? post.readCount : 0,
    readByMe: announcement ? readByMe : null,
    can: {
      withdraw: live && canWithdrawPost(actor, group, post),
      pin: live && announcement && leads && !post.pinned,
      unpin: live && announcement && leads && post.pinned,
      readers: announcement && canSeeReaders(actor, group),
    },
  }
}

export const toCommentView = (c: GroupComment, callerId: string): CommentView => ({
  id: c._id,
  postId: c.postId,
  author: { id: c.authorId, name: c.authorName },
  text: c.text,
  createdAt: iso(c.createdAt),
  mine: c.authorId === callerId,
})

/** The cursor after an item: its instant in ms and its id. */
export const cursorAfter = (at: Date, id: string): string => `${new Date(at).getTime()}.${id}`

/** The schema has checked the shape (digits, a dot, an id). */
export function parseCursor(cursor: string): PageMark {
  const dot = cursor.indexOf('.')
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) }
}
