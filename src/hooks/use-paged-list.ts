import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@contract/api'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'

/** One piece of a list and where the next one starts (a page number or a server cursor); null at the end. */
export interface Chunk<T, C> {
  items: T[]
  next: C | null
  /** How many there are in all, when the server counts them. */
  total?: number
}

/** A numbered page of the contract as a chunk: the next cursor is the next page number. */
export const pageChunk = <T>(p: Page<T>): Chunk<T, number> => ({
  items: p.items,
  next: p.hasMore ? p.page + 1 : null,
  total: p.total,
})

export interface PagedList<T> {
  items: T[]
  total: number
  hasMore: boolean
  /** True only for the first chunk; later ones keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  /** The last 加载更多 failed (a toast said why); the list stays, and the footer offers 重试. */
  moreFailed: boolean
  error: CloudError | undefined
  /** Reloads from the start (pull-to-refresh, 重试, back from a decision). */
  refresh: () => Promise<void>
  /** Appends the next chunk if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
  /** How many chunks are on screen: a page that catches up on new items keeps what was read. */
  chunksRead: () => number
  /** Replaces the items in place (new ones put on top, one changed by an action). */
  setItems: (update: (items: T[]) => T[]) => void
}

export interface PagedListOptions {
  /** A new `fetchChunk` is another list (a tab): empty the old one at once instead of keeping it until the new one loads. */
  clearOnChange?: boolean
}

/**
 * A list that loads its first chunk on mount and grows on reach-bottom. `fetchChunk` must be stable
 * (useCallback): a new one reloads from the start. Items that shift between chunks are kept once, by `idOf`.
 */
export function usePagedList<T, C>(
  fetchChunk: (cursor: C | null) => Promise<Chunk<T, C>>,
  idOf: (item: T) => string,
  { clearOnChange = false }: PagedListOptions = {},
): PagedList<T> {
  const [items, setItemsState] = useState<T[]>([])
  const [next, setNext] = useState<C | null>(null)
  // Null when the server does not count: the list then counts what it holds.
  const [total, setTotal] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailed, setMoreFailed] = useState(false)
  const [error, setError] = useState<CloudError>()
  // A refresh supersedes any chunk still in flight; only the latest generation may write.
  const generation = useRef(0)
  const busy = useRef(false)
  const read = useRef(0)
  const idOfRef = useRef(idOf)
  idOfRef.current = idOf

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setMoreFailed(false)
    setError(undefined)
    try {
      const chunk = await fetchChunk(null)
      if (gen !== generation.current) return
      setItemsState(chunk.items)
      setNext(chunk.next)
      setTotal(chunk.total ?? null)
      read.current = 1
    } catch (e) {
      if (gen === generation.current) setError(toCloudError(e))
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [fetchChunk])

  const loadMore = useCallback(async () => {
    if (busy.current || next === null) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreFailed(false)
    try {
      const chunk = await fetchChunk(next)
      if (gen !== generation.current) return
      setItemsState((prev) => {
        const seen = new Set(prev.map(idOfRef.current))
        return [...prev, ...chunk.items.filter((i) => !seen.has(idOfRef.current(i)))]
      })
      setNext(chunk.next)
      setTotal(chunk.total ?? null)
      read.current++
    } catch (e) {
      if (gen === generation.current) {
        setMoreFailed(true)
        showErrorToast(e)
      }
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [fetchChunk, next])

  useEffect(() => {
    const counter = generation
    if (clearOnChange) {
      setItemsState([])
      setNext(null)
      setTotal(null)
    }
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh, clearOnChange])

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), [])
  const chunksRead = useCallback(() => read.current, [])

  return {
    items,
    total: total ?? items.length,
    hasMore: next !== null,
    loading,
    loadingMore,
    moreFailed,
    error,
    refresh,
    loadMore,
    chunksRead,
    setItems,
  }
}
