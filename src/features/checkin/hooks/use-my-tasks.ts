import { useCallback } from 'react'
import type { MyTasks } from '@contract/functions/checkins'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchMyTasks } from '../api/checkins'

/** 打卡's list: my tasks and milestones across projects, due first. */
export function useMyTasks(): RequestState<MyTasks> {
  const load = useCallback(() => fetchMyTasks(), [])
  return useRequest(load)
}
