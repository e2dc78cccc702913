import { personSearchable, projectSearchable } from '../../../domain/search'
import type { OrgUnit, Person, Project } from '../../../types/entities'
import { ok } from '../../../types/result'
import { _ } from '../../_shared/cloud'
import { fetchAll } from '../../_shared/repositories/query'
import { indexForSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { coll } from '../admin-store'

/** How many things one call indexes: small enough for the function's time, the app calls again for the rest. */
export const REINDEX_BATCH = 200

/**
 * 重建搜索索引 (committee): projects or people made before search existed (or whose index was lost) become findable.
 * One batch per call, in id order after `cursor`; the answer says how far it got and where to go on.
 */
export const reindexSearch: Handler<'org', 'reindexSearch'> = async ({ kind, cursor }) => {
  const after = cursor ? { _id: _.gt(cursor) } : {}
  const [units, count, batch] = await Promise.all([
    fetchAll<OrgUnit>(coll('orgUnits')),
    coll(kind === 'project' ? 'projects' : 'people').count() as Promise<{ total: number }>,
    kind === 'project'
      ? (coll('projects')
          .where(after)
          .orderBy('_id', 'asc')
          .limit(REINDEX_BATCH)
          .field({ _id: true, title: true, slogan: true, branchId: true, branchName: true, updatedAt: true })
          .get() as Promise<{ data: unknown[] }>)
      : (coll('people')
          .where(after)
          .orderBy('_id', 'asc')
          .limit(REINDEX_BATCH)
          .field({ _id: true, name: true, title: true, branchId: true })
          .get() as Promise<{ data: unknown[] }>),
  ])
  const names = new Map(units.map((u) => [u._id, u.name]))
  const items =
    kind === 'project'
      ? (
          batch.data as Pick<Project, '_id' | 'title' | 'slogan' | 'branchId' | 'branchName' | 'updatedAt'>[]
        ).map(projectSearchable)
      : (batch.data as Pick<Person, '_id' | 'name' | 'title' | 'branchId'>[]).map((p) =>
          personSearchable(p, (p.branchId && names.get(p.branchId)) || ''),
        )
  await indexForSearch(items)
  const last = items.at(-1)?.refId ?? null
  return ok({
    indexed: items.length,
    next: items.length === REINDEX_BATCH ? last : null,
    total: count.total,
  })
}
