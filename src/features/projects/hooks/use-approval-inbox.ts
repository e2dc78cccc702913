import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { setApprovalBadge } from '../tab-badge'
import { useProjects, type ProjectsState } from './use-projects'

export type InboxSegment = 'proposals' | 'acceptances'

export interface ApprovalInbox {
  segment: InboxSegment
  setSegment: (s: InboxSegment) => void
  proposals: ProjectsState
  acceptances: ProjectsState
  /** The list of the segment on screen. */
  active: ProjectsState
}

/** 待审批 for the committee: proposals waiting (待立项审批) and acceptance requests (待验收). */
export function useApprovalInbox(): ApprovalInbox {
  const [segment, setSegment] = useState<InboxSegment>('proposals')
  const proposals = useProjects({ status: 'submitted' })
  const acceptances = useProjects({ status: 'acceptance_requested' })
  const active = segment === 'proposals' ? proposals : acceptances

  const settled = !proposals.loading && !acceptances.loading && !proposals.error && !acceptances.error
  const waiting = proposals.total + acceptances.total
  useEffect(() => {
    if (settled) setApprovalBadge(waiting)
  }, [settled, waiting])

  const refreshAll = async () => {
    await Promise.all([proposals.refresh(), acceptances.refresh()])
  }
  usePullDownRefresh(() => {
    void refreshAll().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void active.loadMore()
  })
  // Back from a decision: the item should leave the list.
  useReloadOnReturn(refreshAll)

  return { segment, setSegment, proposals, acceptances, active }
}
