import type { SurveyField, SurveyProblem } from '../types/entities'

/** The article's five fields, as the app names them. */
export const SURVEY_FIELD_LABELS: Record<SurveyField, string> = {
  safety: '安全生产',
  efficiency: '经营提效',
  innovation: '创新创效',
  team: '队伍建设',
  harmony: '和谐创建',
}

type Problem = Pick<SurveyProblem, '_id' | 'authorId' | 'endorsers' | 'mergedInto'>

/** Why `personId` may not +1 `problem` (null: they may). A +1 already given is not an error: it stays one. */
export function endorseRefusal(problem: Problem, personId: string): string | null {
  if (problem.mergedInto) return '这个问题已合并到另一条，请在那一条上 +1'
  if (problem.authorId === personId) return '不能为自己提的问题 +1'
  return null
}

/** What a problem gains when a duplicate is merged into it: the duplicate's author and +1s, each once. */
export function mergeInto(
  target: Pick<SurveyProblem, '_id' | 'authorId' | 'endorsers' | 'merged'>,
  source: Pick<SurveyProblem, '_id' | 'authorId' | 'endorsers' | 'text' | 'branchName' | 'merged'>,
): Pick<SurveyProblem, 'endorsers' | 'merged'> {
  const endorsers = [...new Set([...target.endorsers, source.authorId, ...source.endorsers])].filter(
    (id) => id !== target.authorId,
  )
  return {
    endorsers,
    merged: [
      ...target.merged,
      { id: source._id, text: source.text, branchName: source.branchName },
      ...source.merged,
    ],
  }
}

/** Why `source` may not be merged into `target` (null: it may). */
export function mergeRefusal(
  source: Pick<SurveyProblem, '_id' | 'year' | 'mergedInto'>,
  target: Pick<SurveyProblem, '_id' | 'year' | 'mergedInto'>,
): string | null {
  if (source._id === target._id) return '不能把问题合并到它自己'
  if (source.year !== target.year) return '只能合并同一年度调研的问题'
  if (source.mergedInto) return '这个问题已经合并过了'
  if (target.mergedInto) return '目标问题已合并到另一条，请合并到那一条'
  return null
}

/** The list order: key problems first, then the most +1s, then the newest. */
export function byWeight(
  a: Pick<SurveyProblem, 'key' | 'endorsers' | 'createdAt'>,
  b: Pick<SurveyProblem, 'key' | 'endorsers' | 'createdAt'>,
): number {
  if (a.key !== b.key) return a.key ? -1 : 1
  if (a.endorsers.length !== b.endorsers.length) return b.endorsers.length - a.endorsers.length
  return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()
}
