import { canSupervise } from '../../../domain/supervision'
import type { SpotCheck, SpotCheckFinding } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import type { Handler } from '../../_shared/router'
import { replacing, runInTransaction, txGet } from '../../_shared/transaction'
import { addEvent, toFindingView } from '../views'

/** The committee's findings on one picked project; saving again replaces them, and each save is recorded. */
export const recordFinding: Handler<'supervision', 'recordFinding'> = async (
  { id, projectId, conclusion, text },
  { caller },
) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '只有党委可以记录检查情况')
  return runInTransaction(async (t) => {
    const check = await txGet<SpotCheck>(t, COLLECTIONS.spotChecks, id)
    if (!check) return fail('NOT_FOUND', '没有找到这次抽查')
    if (!check.picked.some((p) => p.projectId === projectId))
      return fail('NOT_FOUND', '这个项目不在本次抽查之中')
    const now = new Date()
    const finding: SpotCheckFinding = { conclusion, text, byId: caller._id, byName: caller.name, at: now }
    const before = check.findings[projectId]
    await t
      .collection(COLLECTIONS.spotChecks)
      .doc(id)
      .update({ data: replacing({ findings: { ...check.findings, [projectId]: finding }, updatedAt: now }) })
    await addEvent(
      t,
      {
        subject: 'spot_check',
        subjectId: id,
        spotCheckId: id,
        projectId,
        action: 'record_finding',
        from: before?.conclusion ?? null,
        to: conclusion,
        comment: text,
      },
      caller,
      now,
    )
    return ok({ projectId, finding: toFindingView(finding) })
  })
}
