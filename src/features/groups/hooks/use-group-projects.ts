import { useCallback } from 'react'
import type { GroupProjectView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchGroupProjects } from '../api/groups'

/** 项目: the projects the group works on, with the group's tasks in each. */
export function useGroupProjects(groupId: string | undefined): RequestState<GroupProjectView[]> {
  const load = useCallback(
    async () =>
      groupId
        ? (await fetchGroupProjects(groupId)).projects
        : Promise.reject(new CloudError('NOT_FOUND', '没有指定党小组')),
    [groupId],
  )
  return useRequest(load)
}
