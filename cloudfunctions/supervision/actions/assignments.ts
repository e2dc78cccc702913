import { chinaYear } from '../../../domain/dates'
import { now } from '../../_shared/clock'
import { planFor } from '../../../domain/inspection-cadence'
import { canSupervise } from '../../../domain/supervision'
import type { InspectionPlan } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { listAssignments, listBranches, listCommitteePeople } from '../../_shared/repositories/supervision'

/** 分片设置: each committee member with the branches they supervise (in org order), and every branch. */
export const assignments: Handler<'supervision', 'assignments'> = async (_params, { caller }) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '只有党委可以设置分片督导')
  const [people, branches, active] = await Promise.all([
    listCommitteePeople(),
    listBranches(),
    listAssignments(),
  ])
  const order = new Map(branches.map((b, i) => [b._id, i]))
  const held = new Map<string, string[]>()
  const plans = new Map<string, InspectionPlan[]>()
  for (const a of active) {
    if (!order.has(a.branchId)) continue
    held.set(a.personId, [...(held.get(a.personId) ?? []), a.branchId])
    if (a.inspection?.length) plans.set(a.personId, a.inspection)
  }
  const year = chinaYear(now())
  return ok({
    year,
    people: people.map((p) => ({
      id: p._id,
      name: p.name,
      title: p.title,
      branchIds: (held.get(p._id) ?? []).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      cadence: {
        thisYear: planFor(plans.get(p._id), year)?.cadence ?? null,
        nextYear: planFor(plans.get(p._id), year + 1)?.cadence ?? null,
      },
    })),
    branches: branches.map((b) => ({ id: b._id, name: b.name })),
  })
}
