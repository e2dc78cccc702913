import type { MyStats } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchMyStats } from '../api/checkins'

/** 我的: the caller's check-in figures, milestones and branch total. */
export function useMyStats(): RequestState<MyStats> {
  return useRequest(fetchMyStats)
}
