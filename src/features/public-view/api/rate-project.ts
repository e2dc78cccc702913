import type { ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 群众满意度: one rating per person, sent again to change it. */
export const rateProject = (
  id: string,
  score: number,
  comment: string,
): Promise<ActionOutput<'projects', 'rate'>> =>
  callCloud('projects', 'rate', comment ? { id, score, comment } : { id, score })
