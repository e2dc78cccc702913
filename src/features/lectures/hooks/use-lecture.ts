import { useCallback } from 'react'
import type { LectureDetail } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchLecture } from '../api/lectures'

/** One lecture with my study of it; a page opened without an id says so instead of asking. */
export function useLecture(id: string | undefined): RequestState<LectureDetail> {
  const load = useCallback(async () => {
    if (!id) throw new CloudError('NOT_FOUND', '没有找到这个讲坛')
    return fetchLecture(id)
  }, [id])
  return useRequest(load)
}
