import { canonicalCandidates } from '../../../domain/spot-check-draw'
import { canSupervise } from '../../../domain/supervision'
import type { Person } from '../../../types/entities'
import type { SpotCheckPick } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import type { Fail } from '../../../types/result'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import { listProjectsIn } from '../../_shared/repositories/supervision'

/** What a draw chooses from: every running (实施中) project of the company or of one branch, canonical order. */
export interface CandidatePool {
  scopeBranchId: string | null
  scopeName: string
  ids: string[]
  byId: Map<string, SpotCheckPick>
}

export async function candidatePool(
  caller: Person,
  branchId: string | undefined,
): Promise<CandidatePool | Fail> {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '只有党委可以组织随机抽查')
  let scopeName = '全部党支部'
  if (branchId !== undefined) {
    const unit = (await getOrgUnitsByIds([branchId])).get(branchId)
    if (!unit || unit.kind !== 'branch') return fail('NOT_FOUND', '没有找到这个党支部')
    scopeName = unit.name
  }
  const projects = await listProjectsIn(branchId === undefined ? null : [branchId], ['in_progress'])
  const byId = new Map(
    projects.map((p) => [
      p._id,
      { projectId: p._id, title: p.title, branchId: p.branchId, branchName: p.branchName },
    ]),
  )
  return { scopeBranchId: branchId ?? null, scopeName, ids: canonicalCandidates([...byId.keys()]), byId }
}

export const isPool = (v: CandidatePool | Fail): v is CandidatePool => 'ids' in v

/** How many running projects a draw would choose from. */
export const candidates: Handler<'supervision', 'candidates'> = async ({ branchId }, { caller }) => {
  const pool = await candidatePool(caller, branchId)
  if (!isPool(pool)) return pool
  return ok({ count: pool.ids.length, scopeName: pool.scopeName })
}
