import { useCallback } from 'react'
import type { LectureStatsView, StudyStats } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchLectures, fetchStudyStats } from '../api/lectures'

/** How many of my newest published lectures the figures page shows, one request each. */
export const STATS_LECTURES = 10

/** My figures, the branches I may see, and with `branchId` each member of that branch. */
export function useStudyStats(branchId: string | undefined): RequestState<StudyStats> {
  const load = useCallback(() => fetchStudyStats(branchId ? { branchId } : {}), [branchId])
  return useRequest(load)
}

/**
 * 培训人次 and completion of the lectures I publish: the newest published (or withdrawn) ones of 我发布的.
 * The function gives one lecture's figures per request, so this asks for each, side by side.
 */
export function useLectureStats(enabled: boolean): RequestState<LectureStatsView[]> {
  const load = useCallback(async () => {
    if (!enabled) return []
    const { items } = await fetchLectures('manage')
    const shown = items.filter((l) => l.status !== 'draft').slice(0, STATS_LECTURES)
    const stats = await Promise.all(shown.map((l) => fetchStudyStats({ lectureId: l.id })))
    return stats.flatMap((s) => (s.lecture ? [s.lecture] : []))
  }, [enabled])
  return useRequest(load)
}
