import { groupRole } from '../../../domain/group-permissions'
import { byGroupRole, chinaMonth } from '../../../domain/groups'
import { GROUP_ROLE_LABELS } from '../../../domain/labels'
import { canSeeContact, rolesOf } from '../../../domain/roles'
import type { RosterMember } from '../../../types/functions/groups'
import { ok } from '../../../types/result'
import { groupAccess } from '../../_shared/group-access'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import { countCheckinsBetween, getGroup, listGroupMembers } from '../../_shared/repositories/groups'
import { readingEarly } from '../../_shared/router'

/**
 * The group's members with their role and this month's check-ins (China calendar month): one indexed count
 * per member on check-ins by (personId, at), so the roster costs the same however many check-ins exist.
 */
export const roster = readingEarly<'groups', 'roster'>()(
  ({ groupId }) => Promise.all([getGroup(groupId), listGroupMembers(groupId)]),
  async (_params, { caller, early: [stored, members] }) => {
    const access = groupAccess(caller, stored)
    if (!access.ok) return access.fail
    const { group } = access
    const { month, start, end } = chinaMonth(new Date())
    const [branches, counts] = await Promise.all([
      getOrgUnitsByIds([group.branchId]),
      Promise.all(members.map((m) => countCheckinsBetween(m._id, start, end))),
    ])
    const rows = members.map((m, k): RosterMember => {
      const role = groupRole(m, group) ?? 'member'
      return {
        id: m._id,
        name: m.name,
        title: m.title,
        roles: rolesOf(m),
        groupRole: role,
        roleLabel: GROUP_ROLE_LABELS[role],
        checkinsThisMonth: counts[k],
        phone: canSeeContact(caller, m) ? m.phone : null,
      }
    })
    return ok({
      group: { id: group._id, name: group.name, branchName: branches.get(group.branchId)?.name ?? '' },
      month,
      members: rows.sort(byGroupRole),
    })
  },
)
