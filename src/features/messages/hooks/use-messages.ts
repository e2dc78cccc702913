import { useCallback, useState } from 'react'
import type { MessageView } from '@contract/api'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { fetchMessages, fetchUnreadCount, markAllMessagesRead, markMessageRead } from '../api/messages'
import { openMessagePage } from '../message-page'
import { setMessagesBadge } from '../tab-badge'

export interface Messages {
  list: PagedList<MessageView>
  /** Unread in all, not only on screen; null until the first page answers. */
  unread: number | null
  /** Marks the message read (if it was not), then opens its page, if it has one this app knows. */
  open: (message: MessageView) => Promise<void>
  /** 全部已读, after a confirmation. */
  markAll: () => Promise<void>
  marking: boolean
  /** Back on 消息: new messages on top when only the first page is read, else just the count. */
  catchUp: () => Promise<void>
}

/** 消息: my reminders newest first, paged by the server's cursor, and the unread count on the tab. */
export function useMessages(): Messages {
  const [unread, setUnreadState] = useState<number | null>(null)
  const [marking, setMarking] = useState(false)

  const setUnread = useCallback((count: number) => {
    setUnreadState(count)
    setMessagesBadge(count)
  }, [])

  const fetchChunk = useCallback(
    async (cursor: string | null) => {
      const page = await fetchMessages(cursor ?? undefined)
      setUnread(page.unread)
      return { items: page.items, next: page.nextCursor }
    },
    [setUnread],
  )
  const list = usePagedList(fetchChunk, (m) => m.id)
  const { setItems, chunksRead, refresh } = list

  const open = async (message: MessageView) => {
    if (!message.read) {
      try {
        const res = await markMessageRead(message.id)
        setItems((items) => items.map((m) => (m.id === message.id ? { ...m, read: true } : m)))
        setUnread(res.unread)
      } catch {
        // Reading the reminder matters more than its mark: open the page anyway; the mark waits for a later tap.
      }
    }
    openMessagePage(message.page)
  }

  const markAll = async () => {
    if (marking) return
    const ok = await confirmAction({
      title: '全部标为已读',
      content: '所有未读消息都将标为已读。确定吗？',
      confirmText: '全部已读',
    })
    if (!ok) return
    setMarking(true)
    try {
      const res = await markAllMessagesRead()
      setItems((items) => items.map((m) => (m.read ? m : { ...m, read: true })))
      setUnread(res.unread)
      showSuccessToast('已全部标为已读')
    } catch (e) {
      showErrorToast(e)
    } finally {
      setMarking(false)
    }
  }

  const catchUp = useCallback(async () => {
    if (chunksRead() <= 1) return refresh()
    try {
      setUnread(await fetchUnreadCount())
    } catch {
      // The list on screen stays right; pull-down shows any error.
    }
  }, [chunksRead, refresh, setUnread])

  return { list, unread, open, markAll, marking, catchUp }
}
