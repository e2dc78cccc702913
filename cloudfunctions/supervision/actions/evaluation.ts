import { chinaYearEnd } from '../../../domain/evaluation'
import { EVALUATION_CONFIG } from '../../../domain/evaluation-config'
import { canSupervise } from '../../../domain/supervision'
import { fail, ok } from '../../../types/result'
import { now } from '../../_shared/clock'
import type { Handler } from '../../_shared/router'
import { evaluate } from '../evaluate'

/** 年度评价: accepted projects ranked for 十佳, the confirmed selection, and 电网先锋 eligibility per branch. */
export const evaluation: Handler<'supervision', 'evaluation'> = async ({ year }, { caller }) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '年度评价由党委进行')
  const asOf = now()
  const result = await evaluate(year, asOf)
  const confirmed = new Set(result.confirmed?.entries.map((e) => e.projectId) ?? [])
  const c = EVALUATION_CONFIG
  const rules = {
    acceptanceWeight: c.acceptanceWeight,
    satisfactionWeight: c.satisfactionWeight,
    satisfactionScale: c.satisfactionScale,
    topCount: c.topCount,
    weakMeasuresBelow: c.weakMeasuresBelow,
    lowSatisfactionBelow: c.lowSatisfactionBelow,
    minRatings: c.minRatings,
  }
  return ok({
    year,
    provisional: asOf.getTime() < chinaYearEnd(year).getTime(),
    rules,
    ranking: result.ranked.map((r) => ({ ...r, topTen: confirmed.has(r.id) })),
    proposedTopTen: result.proposed,
    confirmed: result.confirmed && {
      projectIds: result.confirmed.entries.map((e) => e.projectId),
      markedByName: result.confirmed.markedByName,
      markedAt: new Date(result.confirmed.markedAt).toISOString(),
    },
    branches: result.branches,
  })
}
