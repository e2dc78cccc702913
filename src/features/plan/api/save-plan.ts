import type { ActionInput, ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export type PlanInput = ActionInput<'projects', 'savePlan'>

/** Replaces the plan (tasks, milestones, checklist); answers what still keeps it from starting. */
export const savePlan = (input: PlanInput): Promise<ActionOutput<'projects', 'savePlan'>> =>
  callCloud('projects', 'savePlan', input)
