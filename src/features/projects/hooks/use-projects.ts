import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ProjectSummary } from '@contract/api'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchProjects, type ProjectsQuery } from '../api/fetch-projects'

export const PROJECTS_PAGE_SIZE = 10

export interface ProjectsState {
  items: ProjectSummary[]
  total: number
  hasMore: boolean
  /** True only for the first page; later pages keep the list on screen. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | undefined
  /** Reloads from page 1 (pull-to-refresh, 重试). */
  refresh: () => Promise<void>
  /** Appends the next page if there is one; a failure becomes a toast and keeps the list. */
  loadMore: () => Promise<void>
}

/** A paged list of projects that grows on reach-bottom. */
export function useProjects(query: ProjectsQuery = {}): ProjectsState {
  // Callers pass object literals; compare by value so a re-render does not refetch.
  const key = JSON.stringify(query)
  const stableQuery = useMemo(() => JSON.parse(key) as ProjectsQuery, [key])

  const [items, setItems] = useState<ProjectSummary[]>([])
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
      const result = await fetchProjects(stableQuery, 1, PROJECTS_PAGE_SIZE)
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
  }, [stableQuery])

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const result = await fetchProjects(stableQuery, page + 1, PROJECTS_PAGE_SIZE)
      if (gen !== generation.current) return
      // Items may shift between pages when projects change; keep each id once.
      setItems((prev) => {
        const seen = new Set(prev.map((p) => p.id))
        return [...prev, ...result.items.filter((p) => !seen.has(p.id))]
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
  }, [stableQuery, page, hasMore])

  useEffect(() => {
    const counter = generation
    void refresh()
    return () => {
      counter.current++
    }
  }, [refresh])

  return { items, total, hasMore, loading, loadingMore, error, refresh, loadMore }
}
