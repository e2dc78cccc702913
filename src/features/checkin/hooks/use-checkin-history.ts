import { useCallback } from 'react'
import type { CheckinView } from '@contract/api'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchCheckinHistory } from '../api/checkins'

export interface CheckinHistoryState extends PagedList<CheckinView> {
  /**
   * Puts check-ins recorded since on top and keeps the pages already read, so coming back (from a photo,
   * from 打卡) does not throw the person back to the top.
   */
  catchUp: () => Promise<void>
}

const newestFirst = (a: CheckinView, b: CheckinView) => Date.parse(b.at) - Date.parse(a.at)

const fetchChunk = async (cursor: string | null) => {
  const page = await fetchCheckinHistory(cursor ?? undefined)
  return { items: page.items, next: page.nextCursor }
}

/** The caller's check-ins, newest first, paged by the cursor the function hands back. */
export function useCheckinHistory(): CheckinHistoryState {
  const list = usePagedList(fetchChunk, (c) => c.id)
  const { items, error, refresh, chunksRead, setItems } = list

  const catchUp = useCallback(async () => {
    if (chunksRead() <= 1 || error) return refresh()
    try {
      const first = await fetchCheckinHistory()
      const seen = new Set(items.map((c) => c.id))
      const fresh = first.items.filter((c) => !seen.has(c.id))
      // A whole page of new ones may hide more between them and the list: start again instead of a gap.
      if (fresh.length === first.items.length && first.nextCursor) return refresh()
      // Check-ins are never deleted; a back-dated one takes its place by time, as the function orders them.
      if (fresh.length > 0) setItems((prev) => [...fresh, ...prev].sort(newestFirst))
    } catch {
      // The list on screen is still right, only not the newest; pull-down shows the error.
    }
  }, [chunksRead, error, items, refresh, setItems])

  return { ...list, catchUp }
}
