import type { ActionInput, ActionOutput, GuideView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export const fetchGuide = (year?: number): Promise<GuideView> =>
  callCloud('projects', 'guide', year === undefined ? {} : { year })

export const saveGuide = (input: ActionInput<'projects', 'saveGuide'>) =>
  callCloud('projects', 'saveGuide', input)

export const remindProposals = (year: number): Promise<ActionOutput<'projects', 'remindProposals'>> =>
  callCloud('projects', 'remindProposals', { year })
