import { fail, ok } from '../../../types/result'
import { now } from '../../_shared/clock'
import { countUnread, markRead as markMessagesRead, ownsMessage } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'

/**
 * Marks one of the caller's messages read, or all of them. Only the caller's own: someone else's message id
 * is "not found", exactly like an unknown one. Marking a read message again changes nothing.
 */
export const markRead: Handler<'messages', 'markRead'> = async (params, { caller }) => {
  const id = 'id' in params ? params.id : null
  const marked = await markMessagesRead(caller._id, id, now())
  if (id !== null && marked === 0 && !(await ownsMessage(caller._id, id))) {
    return fail('NOT_FOUND', '没有找到这条消息')
  }
  return ok({ marked, unread: await countUnread(caller._id) })
}
