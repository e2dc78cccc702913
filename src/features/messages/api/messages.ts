import type { ActionInput, ActionName, ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

type Out<A extends ActionName<'messages'>> = Promise<ActionOutput<'messages', A>>

/** 消息: my messages, newest first, with the unread count; pass the previous page's `nextCursor` for the next. */
export const fetchMessages = (cursor?: string): Out<'list'> =>
  callCloud('messages', 'list', cursor ? { cursor } : {})

/** How many of my messages are unread (the tab badge). */
export const fetchUnreadCount = async (): Promise<number> =>
  (await callCloud('messages', 'unreadCount', {})).count

/** Marks one of my messages read; answers how many stay unread. */
export const markMessageRead = (id: string): Out<'markRead'> => callCloud('messages', 'markRead', { id })

/** 全部已读. */
export const markAllMessagesRead = (): Out<'markRead'> => callCloud('messages', 'markRead', { all: true })

/** Which reminder kinds reach me, each on or off, and the quiet hours. */
export const fetchReminderSettings = (): Out<'getSettings'> => callCloud('messages', 'getSettings', {})

/** Turns kinds on or off; kinds left out keep their setting. */
export const saveReminderSettings = (
  kinds: ActionInput<'messages', 'saveSettings'>['kinds'],
): Out<'saveSettings'> => callCloud('messages', 'saveSettings', { kinds })
