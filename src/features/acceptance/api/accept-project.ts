import type { ProjectChange } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 验收通过 with the rubric's scores (the function stores the rubric with the project). */
export const acceptProject = (
  id: string,
  scores: Record<string, number>,
  comment: string,
): Promise<ProjectChange> =>
  callCloud('projects', 'accept', comment ? { id, scores, comment } : { id, scores })
