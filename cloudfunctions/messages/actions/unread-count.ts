import { ok } from '../../../types/result'
import { countUnread } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'

/** The 消息 badge: one indexed count. */
export const unreadCount: Handler<'messages', 'unreadCount'> = async (_params, { caller }) =>
  ok({ count: await countUnread(caller._id) })
