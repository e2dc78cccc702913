import { secretaryBranches } from '../../../domain/roles'
import type { Person } from '../../../types/entities'
import { ok } from '../../../types/result'
import { countPeopleBy, getPersonNames } from '../../_shared/repositories/people'
import { fetchAll } from '../../_shared/repositories/query'
import type { Handler } from '../../_shared/router'
import { coll, readOrg } from '../admin-store'
import { mergeJobView, openMergeJobs } from '../merge-job'
import { branchView } from '../views'

/**
 * 组织管理 (committee): the whole tree with secretaries, group leaders and head counts, and the large merges under
 * way, in three round trips.
 */
export const orgTree: Handler<'org', 'orgTree'> = async () => {
  const [{ units, groups }, byBranch, byGroup, secretaries, jobs] = await Promise.all([
    readOrg(),
    countPeopleBy('branchId'),
    countPeopleBy('groupId'),
    fetchAll<Pick<Person, '_id' | 'name' | 'grants' | 'branchId'>>(
      coll('people')
        .where({ 'grants.role': 'secretary' })
        .field({ _id: true, name: true, grants: true, branchId: true }),
    ),
    openMergeJobs(),
  ])
  const leaders = await getPersonNames(groups.flatMap((g) => (g.leaderId ? [g.leaderId] : [])))
  return ok({
    units: units.map((u) => ({
      ...branchView(u, byBranch),
      secretaries: secretaries
        .filter((p) => secretaryBranches(p).includes(u._id))
        .map((p) => ({ id: p._id, name: p.name })),
    })),
    groups: groups.map((g) => ({
      id: g._id,
      branchId: g.branchId,
      name: g.name,
      leader: g.leaderId ? { id: g.leaderId, name: leaders.get(g.leaderId) ?? '' } : null,
      memberCount: byGroup.get(g._id) ?? 0,
    })),
    jobs: jobs.map(mergeJobView),
  })
}
