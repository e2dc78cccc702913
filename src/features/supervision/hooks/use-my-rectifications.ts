import { useCallback } from 'react'
import type { MyRectifications } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchMyRectifications } from '../api/supervision'

const NONE: MyRectifications = { items: [], open: 0, overdue: 0 }

/** 整改任务 of the caller; `enabled` false (a member) asks nothing and answers none. */
export function useMyRectifications(enabled = true): RequestState<MyRectifications> {
  const load = useCallback(() => (enabled ? fetchMyRectifications() : Promise.resolve(NONE)), [enabled])
  return useRequest(load)
}
