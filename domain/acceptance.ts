import type { RubricItem } from '../types/entities'

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
