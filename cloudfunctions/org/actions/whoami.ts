import { rolesOf } from '../../../domain/roles'
import { ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { getGroupsByIds, getOrgUnitsByIds } from '../../_shared/repositories/org'

export const whoami: Handler<'org', 'whoami'> = async (_params, { caller }) => {
  const [units, groups] = await Promise.all([
    caller.branchId ? getOrgUnitsByIds([caller.branchId]) : Promise.resolve(new Map()),
    caller.groupId ? getGroupsByIds([caller.groupId]) : Promise.resolve(new Map()),
  ])
  const branch = caller.branchId ? units.get(caller.branchId) : undefined
  const group = caller.groupId ? groups.get(caller.groupId) : undefined
  return ok({
    id: caller._id,
    name: caller.name,
    title: caller.title,
    branch: branch ? { id: branch._id, name: branch.name } : null,
    group: group ? { id: group._id, name: group.name } : null,
    roles: rolesOf(caller),
    grants: caller.grants,
  })
}
