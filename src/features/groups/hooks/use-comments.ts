import { useCallback, useEffect, useRef, useState } from 'react'
import type { CommentView } from '@contract/api'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchComments } from '../api/groups'

export interface CommentsState {
  /** Oldest first. */
  items: CommentView[]
  hasMore: boolean
  /** True only for the first page; later pages keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
  /** The caller's own new comment, shown at once (it is the newest, so it goes last). */
  add: (comment: CommentView) => void
}

const oldestFirst = (a: CommentView, b: CommentView) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Each comment once, in time order, however pages and my own comment arrive. */
const merged = (prev: CommentView[], more: CommentView[]) => {
  const seen = new Set(prev.map((c) => c.id))
  return [...prev, ...more.filter((c) => !seen.has(c.id))].sort(oldestFirst)
}

/** A post's comments, oldest first, paged by the cursor the function hands back; none without a post. */
export function useComments(postId: string | undefined): CommentsState {
  const [items, setItems] = useState<CommentView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  const generation = useRef(0)
  const busy = useRef(false)

  const load = useCallback(
    (after?: string) =>
      postId ? fetchComments(postId, after) : Promise.reject(new CloudError('NOT_FOUND', '没有指定内容')),
    [postId],
  )

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    // No post to show (not loaded, or withdrawn): nothing to ask for.
    if (!postId) {
      setItems([])
      setCursor(null)
      setLoading(false)
      return
    }
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(undefined)
    try {
      const page = await load()
      if (gen !== generation.current) return
      setItems(merged([], page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) setError(toCloudError(e))
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [load, postId])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const page = await load(cursor)
      if (gen !== generation.current) return
      setItems((prev) => merged(prev, page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) showErrorToast(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor, load])

  const add = useCallback((comment: CommentView) => setItems((prev) => merged(prev, [comment])), [])

  useEffect(() => {
    const counter = generation
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  return { items, hasMore: cursor !== null, loading, loadingMore, error, refresh, loadMore, add }
}
