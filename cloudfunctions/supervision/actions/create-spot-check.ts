import { randomBytes } from 'node:crypto'
import { planSpotCheckAssigned } from '../../../domain/notifications'
import { DRAW_ALGORITHM, drawSample } from '../../../domain/spot-check-draw'
import type { Person } from '../../../types/entities'
import type { SpotCheck, SpotCheckPick } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { branchSecretaries, notify } from '../../_shared/notify'
import { requestDocId } from '../../_shared/request-ids'
import { getSpotCheck } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import { addEvent } from '../views'
import { candidatePool, isPool } from './candidates'
import type { CandidatePool } from './candidates'

/**
 * 随机抽查: records the candidates (every running project in scope, canonical order), a fresh 128-bit seed
 * and the projects drawn from them (domain/spot-check-draw.ts), so the pick can be drawn again by anyone.
 * The id comes from the request id: a retried tap finds the first draw instead of drawing again.
 */
export const createSpotCheck: Handler<'supervision', 'createSpotCheck'> = async (
  { requestId, size, branchId },
  { caller },
) => {
  const pool = await candidatePool(caller, branchId)
  if (!isPool(pool)) return pool
  const id = requestDocId('sc', caller._id, requestId)
  if (pool.ids.length === 0) {
    if (await getSpotCheck(id)) return ok({ id, created: false })
    return fail('CONFLICT', `${pool.scopeName}目前没有实施中的项目可供抽查`)
  }
  const seed = randomBytes(16).toString('hex')
  const picked = drawSample(seed, pool.ids, size).map((p) => pool.byId.get(p) as SpotCheckPick)
  const now = new Date()
  // The drawn projects' secretaries are told: they and their settings are read alongside the write.
  const [res, told] = await Promise.all([
    draw(id, requestId, size, pool, seed, picked, caller, now),
    branchSecretaries(picked.map((p) => p.branchId)),
  ])
  if (res.ok && res.data.created) {
    await notify(planSpotCheckAssigned(id, picked, told.secretaries, caller.name, now), told.settings, now)
  }
  return res
}

function draw(
  id: string,
  requestId: string,
  size: number,
  pool: CandidatePool,
  seed: string,
  picked: SpotCheckPick[],
  caller: Person,
  now: Date,
) {
  return runInTransaction(async (t) => {
    if (await txGet<SpotCheck>(t, COLLECTIONS.spotChecks, id)) return ok({ id, created: false })
    const doc: Omit<SpotCheck, '_id'> = {
      requestId,
      size,
      scopeBranchId: pool.scopeBranchId,
      scopeName: pool.scopeName,
      algorithm: DRAW_ALGORITHM,
      seed,
      candidates: pool.ids,
      picked,
      branchIds: [...new Set(picked.map((p) => p.branchId))].sort(),
      findings: {},
      createdBy: caller._id,
      createdByName: caller.name,
      createdAt: now,
      updatedAt: now,
    }
    await t.collection(COLLECTIONS.spotChecks).doc(id).set({ data: doc })
    await addEvent(
      t,
      {
        subject: 'spot_check',
        subjectId: id,
        spotCheckId: id,
        action: 'draw',
        to: picked.map((p) => p.projectId).join(','),
        comment: `从${pool.scopeName}${pool.ids.length} 个实施中项目中随机抽取 ${picked.length} 个`,
      },
      caller,
      now,
    )
    return ok({ id, created: true })
  })
}
