import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useMilestoneInbox, type MilestoneInboxState } from '@/features/checkin'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { setApprovalBadge } from '../tab-badge'
import { useProjects, type ProjectsState } from './use-projects'

export type InboxSegment = 'proposals' | 'acceptances' | 'milestones'

/** What every queue offers the page around it. */
type Queue = Pick<ProjectsState, 'total' | 'loading' | 'error' | 'refresh' | 'loadMore'>

export interface ApprovalInbox {
  segment: InboxSegment
  setSegment: (s: InboxSegment) => void
  proposals: ProjectsState
  acceptances: ProjectsState
  milestones: MilestoneInboxState
}

/**
 * The page around a set of queues: the tab badge is their sum once all have loaded, pull-down reloads them
 * all, reach-bottom pages the one on screen, and coming back from a decision reloads them.
 */
function useQueues(queues: Queue[], active: Queue): void {
  const settled = queues.every((q) => !q.loading && !q.error)
  const waiting = queues.reduce((sum, q) => sum + q.total, 0)
  useEffect(() => {
    if (settled) setApprovalBadge(waiting)
  }, [settled, waiting])

  const refreshAll = async () => {
    await Promise.all(queues.map((q) => q.refresh()))
  }
  usePullDownRefresh(() => {
    void refreshAll().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void active.loadMore()
  })
  // Back from a decision: the item should leave the list.
  useReloadOnReturn(refreshAll)
}

/** 待审批 for the committee: proposals (待立项审批), acceptance requests (待验收) and milestone submissions. */
export function useApprovalInbox(): ApprovalInbox {
  const [segment, setSegment] = useState<InboxSegment>('proposals')
  const proposals = useProjects({ status: 'submitted' })
  const acceptances = useProjects({ status: 'acceptance_requested' })
  const milestones = useMilestoneInbox()
  const active = segment === 'proposals' ? proposals : segment === 'acceptances' ? acceptances : milestones
  useQueues([proposals, acceptances, milestones], active)
  return { segment, setSegment, proposals, acceptances, milestones }
}

/** 待审批 for a branch secretary: the milestone submissions of their branch. */
export function useMilestoneApprovals(): MilestoneInboxState {
  const milestones = useMilestoneInbox()
  useQueues([milestones], milestones)
  return milestones
}
