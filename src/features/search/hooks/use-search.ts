import { useRef, useState } from 'react'
import type { SearchKind, SearchView } from '@contract/api'
import { toCloudError } from '@/services/cloud-error'
import { searchAll } from '../api/search'

export interface SearchState {
  view: SearchView | null
  busy: boolean
  /** Which kind is loading its next page. */
  loadingMore: SearchKind | null
  error: string | null
  /** Searches `q` (the first few of each kind); an answer to an older search is dropped. */
  run: (q: string) => Promise<void>
  /** The next page of one kind, appended; a thing already shown is not shown twice. */
  more: (kind: SearchKind) => Promise<void>
  clear: () => void
}

export function useSearch(): SearchState {
  const [view, setView] = useState<SearchView | null>(null)
  const [busy, setBusy] = useState(false)
  const [loadingMore, setLoadingMore] = useState<SearchKind | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  const run = async (q: string) => {
    const ticket = ++latest.current
    setBusy(true)
    setError(null)
    try {
      const answer = await searchAll(q)
      if (ticket === latest.current) setView(answer)
    } catch (e) {
      if (ticket === latest.current) setError(toCloudError(e).message)
    } finally {
      if (ticket === latest.current) setBusy(false)
    }
  }

  const more = async (kind: SearchKind) => {
    const section = view?.sections.find((s) => s.kind === kind)
    if (!view || !section || loadingMore) return
    const ticket = latest.current
    setLoadingMore(kind)
    try {
      const answer = await searchAll(view.query, kind, section.page + 1)
      const next = answer.sections.find((s) => s.kind === kind)
      if (ticket !== latest.current) return
      setView(
        (v) =>
          v && {
            ...v,
            sections: v.sections.map((s) => {
              if (s.kind !== kind) return s
              const shown = new Set(s.hits.map((h) => h.id))
              return {
                ...s,
                hits: [...s.hits, ...(next?.hits ?? []).filter((h) => !shown.has(h.id))],
                more: next?.more ?? false,
                page: section.page + 1,
              }
            }),
          },
      )
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setLoadingMore(null)
    }
  }

  const clear = () => {
    latest.current++
    setView(null)
    setError(null)
    setBusy(false)
  }

  return { view, busy, loadingMore, error, run, more, clear }
}
