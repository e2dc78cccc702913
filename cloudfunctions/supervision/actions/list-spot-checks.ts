import { spotCheckScope } from '../../../domain/supervision'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import {
  listRectificationsOf,
  listSpotChecks as readSpotChecks,
} from '../../_shared/repositories/supervision'

/** Spot checks newest first: the committee's all; a secretary's those that picked their branch's projects. */
export const listSpotChecks: Handler<'supervision', 'listSpotChecks'> = async (
  { page, pageSize },
  { caller },
) => {
  const scope = spotCheckScope(caller)
  if (!scope) return fail('FORBIDDEN', '随机抽查仅供党委和支部书记查看')
  const { items, total } = await readSpotChecks(scope, page, pageSize)
  const mine = (branchId: string) => scope.all || scope.branchIds.includes(branchId)
  const open = new Map<string, number>()
  for (const r of await listRectificationsOf(items.map((c) => c._id))) {
    if (r.status !== 'confirmed' && mine(r.branchId))
      open.set(r.spotCheckId, (open.get(r.spotCheckId) ?? 0) + 1)
  }
  return ok({
    items: items.map((c) => {
      const picked = c.picked.filter((p) => mine(p.branchId))
      return {
        id: c._id,
        createdAt: new Date(c.createdAt).toISOString(),
        createdByName: c.createdByName,
        scopeName: c.scopeName,
        size: c.size,
        pickedCount: c.picked.length,
        candidateCount: c.candidates.length,
        findingsCount: picked.filter((p) => c.findings[p.projectId]).length,
        openRectifications: open.get(c._id) ?? 0,
        projectTitles: picked.map((p) => p.title),
      }
    }),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  })
}
