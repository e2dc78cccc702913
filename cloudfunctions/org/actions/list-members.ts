import { canSeeContact, canViewBranch, rolesOf } from '../../../domain/roles'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { getGroupsByIds } from '../../_shared/repositories/org'
import { listPeopleByBranch } from '../../_shared/repositories/people'

export const listMembers: Handler<'org', 'listMembers'> = async ({ branchId }, { caller }) => {
  if (!canViewBranch(caller, branchId)) return fail('FORBIDDEN', '只能查看本支部的党员')
  const people = await listPeopleByBranch(branchId)
  const groups = await getGroupsByIds(people.flatMap((p) => (p.groupId ? [p.groupId] : [])))
  return ok({
    members: people.map((p) => ({
      id: p._id,
      name: p.name,
      title: p.title,
      roles: rolesOf(p),
      groupName: (p.groupId && groups.get(p.groupId)?.name) || null,
      phone: canSeeContact(caller, p) ? p.phone : null,
      bound: p.openid !== '',
    })),
  })
}
