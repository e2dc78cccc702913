import type { OrgUnit } from '../../types/entities'
import type { BranchView } from '../../types/functions/org'

/** An org unit as every list of units shows it (选择支部, 组织管理), with its head count from `memberCounts`. */
export const branchView = (unit: OrgUnit, memberCounts: ReadonlyMap<string, number>): BranchView => ({
  id: unit._id,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  memberCount: memberCounts.get(unit._id) ?? 0,
})
