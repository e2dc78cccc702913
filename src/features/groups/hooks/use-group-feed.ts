import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FeedPage, PostView } from '@contract/api'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchFeed } from '../api/groups'
import { EMPTY_FEED, feedLists, withPage, type FeedIndex } from '../feed-lists'
import { useGroupPosts } from '../post-store'

export interface GroupFeedState {
  /** Pinned announcements, shown above the feed. */
  pinned: PostView[]
  /** The rest, newest first. */
  items: PostView[]
  hasMore: boolean
  /** True only for the first page; later pages keep the feed on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  /** Reloads from the newest (pull-to-refresh, 重试). */
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the feed. */
  loadMore: () => Promise<void>
  /** Puts new posts on top and keeps the pages already read (back from writing or from a post). */
  catchUp: () => Promise<void>
}

/** A group's feed, paged by the cursor the function hands back. */
export function useGroupFeed(groupId: string | undefined): GroupFeedState {
  const [index, setIndex] = useState<FeedIndex>(EMPTY_FEED)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  // A refresh supersedes any page still in flight; only the latest generation may write.
  const generation = useRef(0)
  const busy = useRef(false)
  const pagesRead = useRef(0)
  const byId = useGroupPosts((s) => s.byId)
  const withdrawn = useGroupPosts((s) => s.withdrawn)
  const pinOrder = useGroupPosts((s) => s.pinOrder)
  const remember = useGroupPosts((s) => s.remember)

  const load = useCallback(
    (after?: string): Promise<FeedPage> =>
      groupId ? fetchFeed(groupId, after) : Promise.reject(new CloudError('NOT_FOUND', '没有指定党小组')),
    [groupId],
  )

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(undefined)
    try {
      const page = await load()
      if (gen !== generation.current) return
      remember([...page.pinned, ...page.items])
      setIndex(withPage(EMPTY_FEED, page, true))
      setCursor(page.nextCursor)
      pagesRead.current = 1
    } catch (e) {
      if (gen === generation.current) setError(toCloudError(e))
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [load, remember])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const page = await load(cursor)
      if (gen !== generation.current) return
      remember(page.items)
      setIndex((prev) => withPage(prev, page, false))
      setCursor(page.nextCursor)
      pagesRead.current++
    } catch (e) {
      if (gen === generation.current) showErrorToast(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor, load, remember])

  const catchUp = useCallback(async () => {
    if (pagesRead.current <= 1 || error) return refresh()
    if (busy.current) return
    const gen = generation.current
    try {
      const page = await load()
      if (gen !== generation.current) return
      const fresh = page.items.filter((p) => !index.ids.includes(p.id))
      // A whole page of new posts may hide more between them and the feed: start again instead of a gap.
      if (fresh.length === page.items.length && page.nextCursor) return refresh()
      remember([...page.pinned, ...page.items])
      setIndex((prev) => ({ ...withPage(prev, page, true), horizon: prev.horizon }))
    } catch {
      // The feed on screen is still right, only not the newest; pull-down shows the error.
    }
  }, [error, index.ids, load, refresh, remember])

  useEffect(() => {
    const counter = generation
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  const lists = useMemo(() => feedLists(index, byId, withdrawn, pinOrder), [index, byId, withdrawn, pinOrder])

  return { ...lists, hasMore: cursor !== null, loading, loadingMore, error, refresh, loadMore, catchUp }
}
