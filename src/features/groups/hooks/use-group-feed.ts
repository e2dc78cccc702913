import { useCallback, useMemo, useState } from 'react'
import type { PostView } from '@contract/api'
import { usePagedList, type Chunk, type PagedList } from '@/hooks/use-paged-list'
import { CloudError } from '@/services/cloud-error'
import { fetchFeed } from '../api/groups'
import { feedLists, type FeedIndex } from '../feed-lists'
import { useGroupPosts } from '../post-store'

/** The feed pages like any list (usePagedList): loading, more, errors, refresh and load-more are the list's. */
export interface GroupFeedState extends Pick<
  PagedList<PostView>,
  'hasMore' | 'loading' | 'loadingMore' | 'moreFailed' | 'error' | 'refresh' | 'loadMore'
> {
  /** Pinned announcements, shown above the feed. */
  pinned: PostView[]
  /** The rest, newest first. */
  items: PostView[]
  /** Puts new posts on top and keeps the pages already read (back from writing or from a post). */
  catchUp: () => Promise<void>
}

/**
 * A group's feed, paged by the cursor the function hands back (usePagedList). The list holds every post the
 * server answered, a first page's pinned ones before its others; the posts themselves live in the post store.
 */
export function useGroupFeed(groupId: string | undefined): GroupFeedState {
  const [pinnedOrder, setPinnedOrder] = useState<string[]>([])
  const byId = useGroupPosts((s) => s.byId)
  const withdrawn = useGroupPosts((s) => s.withdrawn)
  const pinOrder = useGroupPosts((s) => s.pinOrder)
  const remember = useGroupPosts((s) => s.remember)

  const fetchChunk = useCallback(
    async (cursor: string | null): Promise<Chunk<PostView, string>> => {
      if (!groupId) throw new CloudError('NOT_FOUND', '没有指定党小组')
      const page = await fetchFeed(groupId, cursor ?? undefined)
      if (cursor !== null) {
        remember(page.items)
        return { items: page.items, next: page.nextCursor }
      }
      remember([...page.pinned, ...page.items])
      setPinnedOrder(page.pinned.map((p) => p.id))
      return { items: [...page.pinned, ...page.items], next: page.nextCursor }
    },
    [groupId, remember],
  )
  const list = usePagedList(fetchChunk, (p) => p.id)
  const { items: loaded, hasMore, error, refresh, setItems, chunksRead } = list

  const catchUp = useCallback(async () => {
    if (chunksRead() <= 1 || error) return refresh()
    if (!groupId) return
    try {
      const page = await fetchFeed(groupId)
      const known = new Set(loaded.map((p) => p.id))
      const fresh = page.items.filter((p) => !known.has(p.id))
      // A whole page of new posts may hide more between them and the feed: start again instead of a gap.
      if (fresh.length === page.items.length && page.nextCursor) return refresh()
      remember([...page.pinned, ...page.items])
      setPinnedOrder(page.pinned.map((p) => p.id))
      // New ones go on top; the last post read stays last, so the pages read stay on screen.
      setItems((prev) => {
        const seen = new Set(prev.map((p) => p.id))
        return [...[...page.pinned, ...page.items].filter((p) => !seen.has(p.id)), ...prev]
      })
    } catch {
      // The feed on screen is still right, only not the newest; pull-down shows the error.
    }
  }, [chunksRead, error, groupId, loaded, refresh, remember, setItems])

  // The last post loaded while more pages remain: older posts are not on screen yet.
  const index = useMemo((): FeedIndex => {
    const last = loaded[loaded.length - 1]
    return {
      ids: loaded.map((p) => p.id),
      pinnedOrder,
      horizon: hasMore && last ? { at: last.createdAt, id: last.id } : null,
    }
  }, [loaded, pinnedOrder, hasMore])
  const lists = useMemo(() => feedLists(index, byId, withdrawn, pinOrder), [index, byId, withdrawn, pinOrder])

  return {
    ...lists,
    hasMore,
    loading: list.loading,
    loadingMore: list.loadingMore,
    moreFailed: list.moreFailed,
    error,
    refresh,
    loadMore: list.loadMore,
    catchUp,
  }
}
