import { useCallback } from 'react'
import type { Roster } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchRoster } from '../api/groups'

/** 成员: the group's members, secretary and leader first. */
export function useRoster(groupId: string | undefined): RequestState<Roster> {
  const load = useCallback(
    () => (groupId ? fetchRoster(groupId) : Promise.reject(new CloudError('NOT_FOUND', '没有指定党小组'))),
    [groupId],
  )
  return useRequest(load)
}
