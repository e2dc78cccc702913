import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinView } from '@contract/api'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchCheckinHistory } from '../api/checkins'

export interface CheckinHistoryState {
  /** Newest first. */
  items: CheckinView[]
  hasMore: boolean
  /** True only for the first page; later pages keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  /** Reloads from the newest (pull-to-refresh, 重试). */
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
  /**
   * Puts check-ins recorded since on top and keeps the pages already read, so coming back (from a photo,
   * from 打卡) does not throw the person back to the top.
   */
  catchUp: () => Promise<void>
}

const newestFirst = (a: CheckinView, b: CheckinView) => Date.parse(b.at) - Date.parse(a.at)

/** The caller's check-ins, newest first, paged by the cursor the function hands back. */
export function useCheckinHistory(): CheckinHistoryState {
  const [items, setItems] = useState<CheckinView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  // A refresh supersedes any page still in flight; only the latest generation may write.
  const generation = useRef(0)
  const busy = useRef(false)
  // More than the first page read: catching up must not drop them.
  const pagesRead = useRef(0)

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(undefined)
    try {
      const result = await fetchCheckinHistory()
      if (gen !== generation.current) return
      setItems(result.items)
      setCursor(result.nextCursor)
      pagesRead.current = 1
    } catch (e) {
      if (gen === generation.current) setError(toCloudError(e))
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const result = await fetchCheckinHistory(cursor)
      if (gen !== generation.current) return
      setItems((prev) => {
        const seen = new Set(prev.map((c) => c.id))
        return [...prev, ...result.items.filter((c) => !seen.has(c.id))]
      })
      setCursor(result.nextCursor)
      pagesRead.current++
    } catch (e) {
      if (gen === generation.current) showErrorToast(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor])

  const catchUp = useCallback(async () => {
    if (pagesRead.current <= 1 || error) return refresh()
    if (busy.current) return
    const gen = generation.current
    try {
      const result = await fetchCheckinHistory()
      if (gen !== generation.current) return
      const seen = new Set(items.map((c) => c.id))
      const fresh = result.items.filter((c) => !seen.has(c.id))
      // A whole page of new ones may hide more between them and the list: start again instead of a gap.
      if (fresh.length === result.items.length && result.nextCursor) return refresh()
      // Check-ins are never deleted; a back-dated one takes its place by time, as the function orders them.
      if (fresh.length > 0) setItems((prev) => [...fresh, ...prev].sort(newestFirst))
    } catch {
      // The list on screen is still right, only not the newest; pull-down shows the error.
    }
  }, [error, items, refresh])

  useEffect(() => {
    const counter = generation
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  return { items, hasMore: cursor !== null, loading, loadingMore, error, refresh, loadMore, catchUp }
}
