import type { EvaluationView, TopTenChange } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export const fetchEvaluation = (year: number): Promise<EvaluationView> =>
  callCloud('supervision', 'evaluation', { year })

export const confirmTopTen = (year: number, projectIds: string[]): Promise<TopTenChange> =>
  callCloud('supervision', 'markTopTen', { year, projectIds })
