import type { RubricItem } from '../types/entities'
import { ACCEPTANCE_METHODS } from '../types/entities-supervision'
import type { AcceptanceMethod } from '../types/entities-supervision'

/** The acceptance rubric (结题验收评分), drawn from what the article says the committee checks. */
export const DEFAULT_RUBRIC: readonly RubricItem[] = [
  { key: 'measures', label: '工作措施有力', max: 30 },
  { key: 'plan', label: '项目计划完成', max: 30 },
  { key: 'effect', label: '实施成效与群众评价', max: 25 },
  { key: 'innovation', label: '特色与创新', max: 15 },
]

/** The total, or the first rubric key that is wrong and why. */
export type ScoreResult = { ok: true; total: number } | { ok: false; key: string; message: string }

/** Checks every rubric item has a whole score within 0..max and adds them up. */
export function totalScore(rubric: readonly RubricItem[], scores: Record<string, number>): ScoreResult {
  let total = 0
  for (const item of rubric) {
    const s = scores[item.key]
    if (s === undefined) return { ok: false, key: item.key, message: `请为“${item.label}”打分` }
    if (!Number.isInteger(s) || s < 0 || s > item.max) {
      return { ok: false, key: item.key, message: `“${item.label}”的得分应在 0–${item.max} 之间` }
    }
    total += s
  }
  const extra = Object.keys(scores).find((k) => !rubric.some((r) => r.key === k))
  if (extra !== undefined) return { ok: false, key: extra, message: `评分表中没有“${extra}”` }
  return { ok: true, total }
}

/** Average satisfaction to one decimal, or null with no ratings. */
export const averageRating = (r: { count: number; sum: number }): number | null =>
  r.count === 0 ? null : Math.round((r.sum / r.count) * 10) / 10

/** The acceptance methods recorded on a project, in the article's order. */
export const recordedAcceptanceMethods = (
  methods: Partial<Record<AcceptanceMethod, unknown>> | undefined,
): AcceptanceMethod[] => ACCEPTANCE_METHODS.filter((m) => methods?.[m] !== undefined)

/**
 * Why the committee cannot confirm an acceptance yet, or null: it must have judged the project by at least
 * one of 听取汇报、调查走访、察看现场, not by a score alone. Takes the methods recorded (the function checks the
 * project it accepts; the page checks before asking to confirm, so nobody confirms a refusal).
 */
export const acceptanceEvidenceProblem = (recorded: readonly AcceptanceMethod[]): string | null =>
  recorded.length === 0 ? '请先记录至少一种验收方式：听取汇报、调查走访或察看现场' : null

/** Why a method's record is incomplete, or null: 调查走访 says how many were visited and what they said. */
export function acceptanceMethodProblem(
  method: AcceptanceMethod,
  visited: number | undefined,
  opinion: string | undefined,
): { path: string; message: string } | null {
  if (method !== 'survey') return null
  if (visited === undefined) return { path: 'visited', message: '请填写走访了多少名职工群众或党员' }
  if (!opinion) return { path: 'opinion', message: '请填写走访对象对项目的评价' }
  return null
}

/**
 * Why asking for 结题 now deserves a second thought: the plan is not finished (progress below 100%, or
 * milestones not yet approved). Null when it is. The request is still the secretary's to make: 验收 judges it,
 * and an unfinished plan counts as 未完成项目计划 in the year's evaluation.
 */
export function earlyAcceptanceWarning(
  progress: number,
  milestones: readonly { title: string; status: string }[],
): string | null {
  const open = milestones.filter((m) => m.status !== 'approved')
  if (progress >= 100 && open.length === 0) return null
  const names = open.slice(0, 3).map((m) => `“${m.title}”`)
  const more = open.length > 3 ? ` 等 ${open.length} 个` : ''
  const unfinished =
    open.length > 0 ? `，还有 ${open.length} 个里程碑未通过审核（${names.join('、')}${more}）` : ''
  return `当前进度 ${progress}%${unfinished}。计划未完成就申请结题，验收时可能被认定为“未完成项目计划”，影响年度评先评优。确认仍要申请结题？`
}
