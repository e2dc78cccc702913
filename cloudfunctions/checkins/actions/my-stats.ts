import { branchCounterId } from '../../../domain/checkin-counts'
import { ok } from '../../../types/result'
import { toFigures } from '../../_shared/checkin-views'
import { getCheckinStats, getCounts } from '../../_shared/repositories/checkins'
import { countOwnMilestones } from '../../_shared/repositories/milestones'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'

/** 我的: check-in figures and milestone counts, read from counters kept with every check-in and approval. */
export const myStats: Handler<'checkins', 'myStats'> = async (_params, { caller }) => {
  const branchId = caller.branchId
  const [stats, waiting, approved, counts, units] = await Promise.all([
    getCheckinStats(caller._id),
    countOwnMilestones(caller._id, 'submitted'),
    countOwnMilestones(caller._id, 'approved'),
    getCounts(branchId ? [branchCounterId(branchId)] : []),
    getOrgUnitsByIds(branchId ? [branchId] : []),
  ])
  const branch = branchId ? units.get(branchId) : undefined
  return ok({
    ...toFigures(stats, new Date()),
    milestones: { waiting, approved },
    branch: branch
      ? { id: branch._id, name: branch.name, checkins: counts.get(branchCounterId(branch._id)) ?? 0 }
      : null,
  })
}
