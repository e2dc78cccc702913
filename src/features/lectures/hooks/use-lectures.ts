import { useCallback } from 'react'
import type { LectureListItem } from '@contract/api'
import type { LectureTab } from '@contract/entities-community'
import { usePagedList, type Chunk, type PagedList } from '@/hooks/use-paged-list'
import { toCloudError } from '@/services/cloud-error'
import { fetchLecture, fetchLectures } from '../api/lectures'

export interface LecturesState extends PagedList<LectureListItem> {
  /**
   * Brings one lecture up to date where it stands in the list (back from studying it), so the pages read
   * are kept; one gone from the member's reach leaves the list.
   */
  updateOne: (id: string) => Promise<void>
}

/** One tab of 微讲坛, paged by the cursor the function hands back; changing tab starts again from empty. */
export function useLectures(tab: LectureTab): LecturesState {
  const fetchChunk = useCallback(
    async (cursor: string | null): Promise<Chunk<LectureListItem, string>> => {
      const page = await fetchLectures(tab, cursor ?? undefined)
      return { items: page.items, next: page.nextCursor }
    },
    [tab],
  )
  const list = usePagedList(fetchChunk, (l) => l.id, { clearOnChange: true })
  const { setItems } = list

  const updateOne = useCallback(
    async (id: string) => {
      try {
        const fresh = await fetchLecture(id)
        setItems((prev) => prev.map((l) => (l.id === id ? fresh : l)))
      } catch (e) {
        const gone = toCloudError(e).code
        if (gone === 'NOT_FOUND' || gone === 'FORBIDDEN') setItems((prev) => prev.filter((l) => l.id !== id))
        // Otherwise the line on screen is only not the newest; pull-down shows any error.
      }
    },
    [setItems],
  )

  return { ...list, updateOne }
}
