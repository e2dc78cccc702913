import { useCallback } from 'react'
import type { StudyFigures } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { fetchStudyStats } from '../api/lectures'

/** My own study figures (学习时长, 学完, 培训人次). */
export function useMyStudyFigures(): RequestState<StudyFigures> {
  const load = useCallback(async () => (await fetchStudyStats()).me, [])
  return useRequest(load)
}
