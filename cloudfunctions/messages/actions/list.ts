import { ok } from '../../../types/result'
import { countUnread, listMessages } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'
import { cursorAfter, parseCursor, toMessageView } from '../views'

/** 消息: the caller's messages, newest first, a page at a time (one indexed read), with the unread count. */
export const list: Handler<'messages', 'list'> = async ({ cursor, limit }, { caller }) => {
  const [rows, unread] = await Promise.all([
    listMessages(caller._id, cursor ? parseCursor(cursor) : null, limit + 1),
    countUnread(caller._id),
  ])
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return ok({
    items: items.map(toMessageView),
    nextCursor: rows.length > limit && last ? cursorAfter(last) : null,
    unread,
  })
}
