import { now } from '../../_shared/clock'
import { chinaDay } from '../../../domain/checkins'
import { formatDay } from '../../../domain/dates'
import { inspectionCoverage as coverageOf, planFor } from '../../../domain/inspection-cadence'
import { ok } from '../../../types/result'
import { getBranchStatuses } from '../../_shared/repositories/supervision-records'
import { listAssignments, listCommitteePeople } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'

/**
 * 定期检查 coverage for the dashboard: of the supervised branches with a cadence this year, how many were inspected
 * in their current period, in all and per supervisor. Two reads after the caller's lookup: the assignments (with
 * their plans) and committee names together, then the branches' statuses (lastInspectionDate).
 */
export const inspectionCoverage: Handler<'supervision', 'inspectionCoverage'> = async () => {
  const today = chinaDay(now())
  const year = Number(today.slice(0, 4))
  const [active, people] = await Promise.all([listAssignments(), listCommitteePeople()])
  const planned = active.filter((a) => planFor(a.inspection, year))
  const statuses = await getBranchStatuses(planned.map((a) => a.branchId))
  const rowOf = (a: (typeof planned)[number]) => {
    const last = statuses.get(a.branchId)?.lastInspectionDate
    return { plans: a.inspection, lastInspection: last ? formatDay(last) : null }
  }
  const all = coverageOf(planned.map(rowOf), today)
  const names = new Map(people.map((p) => [p._id, p.name]))
  const bySupervisor = new Map<string, typeof planned>()
  for (const a of planned) bySupervisor.set(a.personId, [...(bySupervisor.get(a.personId) ?? []), a])
  const supervisors = [...bySupervisor].flatMap(([id, held]) => {
    const plan = planFor(held[0].inspection, year)
    if (!plan) return []
    return [{ id, name: names.get(id) ?? '', cadence: plan.cadence, ...coverageOf(held.map(rowOf), today) }]
  })
  return ok({ today, ...all, supervisors })
}
