import { useCallback } from 'react'
import type { GroupSummary } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchMyGroups } from '../api/groups'

/** My own group first, then (for a secretary) the branch's others in the server's order. */
const mineFirst = (groups: GroupSummary[]) => [
  ...groups.filter((g) => g.mine),
  ...groups.filter((g) => !g.mine),
]

/** 党小组: the groups I read and post in. */
export function useMyGroups(): RequestState<GroupSummary[]> {
  const load = useCallback(async () => mineFirst((await fetchMyGroups()).groups), [])
  return useRequest(load)
}

/** One of my groups: its name, my role in it and what I may do there (发通知, 置顶, 阅读情况). */
export function useGroupSummary(groupId: string | undefined): RequestState<GroupSummary> {
  const load = useCallback(async () => {
    const { groups } = await fetchMyGroups()
    const group = groups.find((g) => g.id === groupId)
    if (!group) throw new CloudError('NOT_FOUND', '没有找到这个党小组，或你不在其中')
    return group
  }, [groupId])
  return useRequest(load)
}
