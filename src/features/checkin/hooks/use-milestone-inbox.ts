import { useCallback, useEffect, useRef, useState } from 'react'
import type { InboxItem } from '@contract/api'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchMilestoneInbox } from '../api/checkins'

export const MILESTONE_INBOX_PAGE_SIZE = 10

export interface MilestoneInboxState {
  items: InboxItem[]
  total: number
  hasMore: boolean
  /** True only for the first page; later pages keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  /** Reloads from page 1 (pull-to-refresh, 重试, back from a decision). */
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
}

/** 待审批 milestone submissions waiting for the caller, longest waiting first, growing on reach-bottom. */
export function useMilestoneInbox(): MilestoneInboxState {
  const [items, setItems] = useState<InboxItem[]>([])
  const [page, setPage] = useState(0)
  const [total, setTotal] = useState(0)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  // A refresh supersedes any page still in flight; only the latest generation may write.
  const generation = useRef(0)
  const busy = useRef(false)

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(undefined)
    try {
      const result = await fetchMilestoneInbox(1, MILESTONE_INBOX_PAGE_SIZE)
      if (gen !== generation.current) return
      setItems(result.items)
      setPage(result.page)
      setTotal(result.total)
      setHasMore(result.hasMore)
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
    if (busy.current || !hasMore) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const result = await fetchMilestoneInbox(page + 1, MILESTONE_INBOX_PAGE_SIZE)
      if (gen !== generation.current) return
      // Decisions made meanwhile shift the pages; keep each milestone once.
      setItems((prev) => {
        const seen = new Set(prev.map((i) => i.milestone.id))
        return [...prev, ...result.items.filter((i) => !seen.has(i.milestone.id))]
      })
      setPage(result.page)
      setTotal(result.total)
      setHasMore(result.hasMore)
    } catch (e) {
      if (gen === generation.current) showErrorToast(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [page, hasMore])

  useEffect(() => {
    const counter = generation
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  return { items, total, hasMore, loading, loadingMore, error, refresh, loadMore }
}
