import { useEffect } from 'react'
import type { PostView } from '@contract/api'
import { markAnnouncementRead } from '../api/groups'
import { useGroupPosts } from '../post-store'

/**
 * Marks the unread announcements on screen as read, each once a session: the pinned ones on the feed, which
 * show their whole text at the top, and the one opened on its own page. A failure stays silent (reading is
 * not the person's task) and lets a later showing try again.
 */
export function useMarkRead(shown: PostView[]): void {
  const unread = shown
    .filter((p) => p.kind === 'announcement' && p.readByMe === false)
    .map((p) => p.id)
    .join(',')
  useEffect(() => {
    if (!unread) return
    const { askRead, unaskRead, read } = useGroupPosts.getState()
    for (const postId of unread.split(',')) {
      if (!askRead(postId)) continue
      markAnnouncementRead(postId).then(
        (r) => read(postId, r.readCount),
        () => unaskRead(postId),
      )
    }
  }, [unread])
}
