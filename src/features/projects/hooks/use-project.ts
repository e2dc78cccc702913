import { useCallback } from 'react'
import type { ProjectDetail } from '@contract/api'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchProject } from '../api/fetch-project'

/** Loads one project and loads it again when the person comes back from an editor. */
export function useProject(id: string | undefined): RequestState<ProjectDetail> {
  const load = useCallback(
    () => (id ? fetchProject(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定项目'))),
    [id],
  )
  const request = useRequest(load)
  useReloadOnReturn(request.reload)
  return request
}
