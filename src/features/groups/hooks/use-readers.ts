import { useCallback } from 'react'
import type { ReadersView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { fetchReaders } from '../api/groups'

/** 阅读情况 of an announcement; the server answers only the secretary and the group leader. */
export function useReaders(postId: string | undefined): RequestState<ReadersView> {
  const load = useCallback(
    () => (postId ? fetchReaders(postId) : Promise.reject(new CloudError('NOT_FOUND', '没有指定通知'))),
    [postId],
  )
  return useRequest(load)
}
