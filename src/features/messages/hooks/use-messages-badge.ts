import { useCallback, useEffect } from 'react'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { preloadSubscribeTemplates } from '@/services/subscribe'
import { fetchUnreadCount } from '../api/messages'
import { setMessagesBadge } from '../tab-badge'

/**
 * Puts the unread count on the 消息 tab when the page shows (first and on every return), and readies the
 * subscribe-message templates for the taps that ask for them.
 */
export function useMessagesBadge(): { refresh: () => Promise<void> } {
  const refresh = useCallback(async () => {
    try {
      setMessagesBadge(await fetchUnreadCount())
    } catch {
      // The badge is only a hint; the 消息 page shows its own errors.
    }
  }, [])

  useEffect(() => {
    void refresh()
    preloadSubscribeTemplates()
  }, [refresh])
  useReloadOnReturn(refresh)

  return { refresh }
}
