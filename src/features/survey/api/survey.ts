import type { ActionInput, ActionOutput, SurveyView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export const fetchSurvey = (year?: number): Promise<SurveyView> =>
  callCloud('projects', 'survey', year === undefined ? {} : { year })

export const setSurvey = (year: number, open: boolean) => callCloud('projects', 'setSurvey', { year, open })

export const submitProblem = (input: ActionInput<'projects', 'submitProblem'>) =>
  callCloud('projects', 'submitProblem', input)

export const endorseProblem = (id: string): Promise<ActionOutput<'projects', 'endorseProblem'>> =>
  callCloud('projects', 'endorseProblem', { id })

export const curateProblem = (input: ActionInput<'projects', 'curateProblem'>) =>
  callCloud('projects', 'curateProblem', input)
