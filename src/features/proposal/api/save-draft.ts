import type { ActionInput, ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export type DraftInput = ActionInput<'projects', 'saveDraft'>

/** Creates a draft (no id) or saves the fields of a draft or returned proposal. */
export const saveDraft = (input: DraftInput): Promise<ActionOutput<'projects', 'saveDraft'>> =>
  callCloud('projects', 'saveDraft', input)
