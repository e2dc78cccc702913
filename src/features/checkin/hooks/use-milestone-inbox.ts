import { useCallback } from 'react'
import type { InboxItem } from '@contract/api'
import { pageChunk, usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchMilestoneInbox } from '../api/checkins'

export const MILESTONE_INBOX_PAGE_SIZE = 10

export type MilestoneInboxState = PagedList<InboxItem>

/** 待审批 milestone submissions waiting for the caller, longest waiting first, growing on reach-bottom. */
export function useMilestoneInbox(): MilestoneInboxState {
  const fetchChunk = useCallback(
    (page: number | null) => fetchMilestoneInbox(page ?? 1, MILESTONE_INBOX_PAGE_SIZE).then(pageChunk),
    [],
  )
  // Decisions made meanwhile shift the pages; each milestone is kept once.
  return usePagedList(fetchChunk, (i) => i.milestone.id)
}
