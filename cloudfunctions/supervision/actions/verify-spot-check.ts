import { verifyDraw } from '../../../domain/spot-check-draw'
import { canSeeSpotCheck } from '../../../domain/supervision'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { getSpotCheck } from '../../_shared/repositories/supervision'

/** 验证抽取结果: draws again from the recorded seed and candidates and compares with the recorded pick. */
export const verifySpotCheck: Handler<'supervision', 'verifySpotCheck'> = async ({ id }, { caller }) => {
  const check = await getSpotCheck(id)
  if (!check) return fail('NOT_FOUND', '没有找到这次抽查')
  if (!canSeeSpotCheck(caller, check)) return fail('FORBIDDEN', '只能查看抽到本支部项目的抽查')
  const recorded = check.picked.map((p) => p.projectId)
  const { matches, redrawn } = verifyDraw({
    algorithm: check.algorithm,
    seed: check.seed,
    candidates: check.candidates,
    size: check.size,
    picked: recorded,
  })
  return ok({
    matches,
    algorithm: check.algorithm,
    seed: check.seed,
    candidateCount: check.candidates.length,
    recorded,
    redrawn,
  })
}
