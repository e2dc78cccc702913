import { useCallback, useEffect, useRef, useState } from 'react'
import type { LectureListItem } from '@contract/api'
import type { LectureTab } from '@contract/entities-community'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchLecture, fetchLectures } from '../api/lectures'

export interface LecturesState {
  items: LectureListItem[]
  hasMore: boolean
  /** True only for the first page; later pages keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  /** Reloads the tab from the top (pull-to-refresh, 重试, a new lecture). */
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
  /**
   * Brings one lecture up to date where it stands in the list (back from studying it), so the pages read
   * are kept; one gone from the member's reach leaves the list.
   */
  updateOne: (id: string) => Promise<void>
}

/** One tab of 微讲坛, paged by the cursor the function hands back; changing tab starts again. */
export function useLectures(tab: LectureTab): LecturesState {
  const [items, setItems] = useState<LectureListItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  // A refresh or a tab change supersedes any page still in flight; only the latest generation may write.
  const generation = useRef(0)
  const busy = useRef(false)

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(undefined)
    try {
      const page = await fetchLectures(tab)
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) {
        setItems([])
        setCursor(null)
        setError(toCloudError(e))
      }
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [tab])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const page = await fetchLectures(tab, cursor)
      if (gen !== generation.current) return
      setItems((prev) => {
        const seen = new Set(prev.map((l) => l.id))
        return [...prev, ...page.items.filter((l) => !seen.has(l.id))]
      })
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) showErrorToast(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [tab, cursor])

  const updateOne = useCallback(async (id: string) => {
    const gen = generation.current
    try {
      const fresh = await fetchLecture(id)
      if (gen !== generation.current) return
      setItems((prev) => prev.map((l) => (l.id === id ? fresh : l)))
    } catch (e) {
      const gone = toCloudError(e).code
      if (gen === generation.current && (gone === 'NOT_FOUND' || gone === 'FORBIDDEN'))
        setItems((prev) => prev.filter((l) => l.id !== id))
      // Otherwise the line on screen is only not the newest; pull-down shows any error.
    }
  }, [])

  useEffect(() => {
    const counter = generation
    setItems([])
    setCursor(null)
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  return { items, hasMore: cursor !== null, loading, loadingMore, error, refresh, loadMore, updateOne }
}
