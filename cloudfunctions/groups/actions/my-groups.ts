import { canPin, canPost, canSeeReaders, groupRole } from '../../../domain/group-permissions'
import { secretaryBranches } from '../../../domain/roles'
import type { PartyGroup } from '../../../types/entities'
import type { GroupSummary } from '../../../types/functions/groups'
import { ok } from '../../../types/result'
import { iso } from '../../_shared/project-views'
import {
  countGroupMembers,
  getBoards,
  listGroupsOfBranches,
  readPostIdsInGroups,
} from '../../_shared/repositories/groups'
import { getGroupsByIds, getOrgUnitsByIds } from '../../_shared/repositories/org'
import { getPersonNames } from '../../_shared/repositories/people'
import type { Handler } from '../../_shared/router'

/**
 * 党小组: the caller's own group first, then (for a secretary) the other groups of their branches. Reads: the
 * groups, then boards, names, branch names, member counts and the caller's reads in those groups at once.
 */
export const myGroups: Handler<'groups', 'myGroups'> = async (_params, { caller }) => {
  const secretaryOf = secretaryBranches(caller)
  const [own, managed] = await Promise.all([
    caller.groupId ? getGroupsByIds([caller.groupId]) : Promise.resolve(new Map<string, PartyGroup>()),
    listGroupsOfBranches(secretaryOf),
  ])
  const groups = [...own.values(), ...managed.filter((g) => g._id !== caller.groupId)].filter(
    (g) => groupRole(caller, g) !== null,
  )
  const [boards, leaders, branches, counts, read] = await Promise.all([
    getBoards(groups.map((g) => g._id)),
    getPersonNames(groups.flatMap((g) => (g.leaderId ? [g.leaderId] : []))),
    getOrgUnitsByIds(groups.map((g) => g.branchId)),
    Promise.all(groups.map((g) => countGroupMembers(g._id))),
    readPostIdsInGroups(
      groups.map((g) => g._id),
      caller._id,
    ),
  ])
  const boardOf = new Map(boards.map((b) => [b._id, b]))
  return ok({
    groups: groups.map((g, k): GroupSummary => {
      const board = boardOf.get(g._id)
      const leaderName = g.leaderId ? leaders.get(g.leaderId) : undefined
      return {
        id: g._id,
        name: g.name,
        branch: { id: g.branchId, name: branches.get(g.branchId)?.name ?? '' },
        leader: g.leaderId && leaderName !== undefined ? { id: g.leaderId, name: leaderName } : null,
        memberCount: counts[k],
        myRole: groupRole(caller, g) ?? 'member',
        mine: g._id === caller.groupId,
        posts: board?.posts ?? 0,
        lastPostAt: board?.lastPostAt ? iso(board.lastPostAt) : null,
        unreadAnnouncements: (board?.pinnedIds ?? []).filter((id) => !read.has(id)).length,
        can: {
          announce: canPost(caller, g, 'announcement'),
          pin: canPin(caller, g),
          readers: canSeeReaders(caller, g),
        },
      }
    }),
  })
}
