import { rolesOf } from '../../domain/roles'
import type { MeView } from '../../types/api'
import type { Person } from '../../types/entities'
import { getGroupsByIds, getOrgUnitsByIds } from '../_shared/repositories/org'

/** The signed-in person as the app sees them: no openid, no phone. */
export async function meView(person: Person): Promise<MeView> {
  const [units, groups] = await Promise.all([
    person.branchId ? getOrgUnitsByIds([person.branchId]) : Promise.resolve(new Map()),
    person.groupId ? getGroupsByIds([person.groupId]) : Promise.resolve(new Map()),
  ])
  const branch = person.branchId ? units.get(person.branchId) : undefined
  const group = person.groupId ? groups.get(person.groupId) : undefined
  return {
    id: person._id,
    name: person.name,
    title: person.title,
    branch: branch ? { id: branch._id, name: branch.name } : null,
    group: group ? { id: group._id, name: group.name } : null,
    roles: rolesOf(person),
    grants: person.grants,
  }
}
