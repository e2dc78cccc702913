import { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS } from '../../../domain/labels'
import { rectificationStep } from '../../../domain/supervision'
import type { Person } from '../../../types/entities'
import type { Rectification } from '../../../types/entities-supervision'
import type { RectificationChange } from '../../../types/functions/supervision'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { replacing, runInTransaction, txGet } from '../../_shared/transaction'
import { addEvent } from '../views'

type StepAction = 'complete' | 'confirm' | 'reopen'

const EVENT = {
  complete: 'complete_rectification',
  confirm: 'confirm_rectification',
  reopen: 'reopen_rectification',
} as const

const REFUSALS = {
  complete: '只有本支部书记可以报告整改完成',
  confirm: '只有党委可以确认整改销号',
  reopen: '只有党委可以退回整改',
} as const

/**
 * One step of a rectification, all or nothing: read it in a transaction, check who may (domain
 * rectificationStep), write status, version + 1 and the note or comment, and record the event.
 */
export function stepRectification(
  id: string,
  action: StepAction,
  caller: Person,
  text: string,
): Promise<Result<RectificationChange>> {
  return runInTransaction(async (t) => {
    const r = await txGet<Rectification>(t, COLLECTIONS.rectifications, id)
    if (!r) return fail('NOT_FOUND', '没有找到这项整改任务')
    const step = rectificationStep(caller, action, r)
    if (!step.ok) {
      if (step.reason === 'FORBIDDEN') return fail('FORBIDDEN', REFUSALS[action])
      if (step.reason === 'OWN_SUBMISSION') return fail('FORBIDDEN', '不能确认自己报告的整改')
      return fail(
        'CONFLICT',
        `整改任务当前为“${RECTIFICATION_STATUS_LABELS[r.status]}”，不能${RECTIFICATION_ACTION_LABELS[action]}`,
      )
    }
    const now = new Date()
    const version = r.version + 1
    const patch =
      action === 'complete'
        ? { note: text, doneBy: caller._id, doneAt: now }
        : { lastComment: text, ...(action === 'reopen' ? { doneBy: null, doneAt: null } : {}) }
    await t
      .collection(COLLECTIONS.rectifications)
      .doc(id)
      .update({ data: replacing({ ...patch, status: step.to, version, updatedAt: now }) })
    await addEvent(
      t,
      {
        subject: 'rectification',
        subjectId: id,
        spotCheckId: r.spotCheckId,
        projectId: r.projectId,
        action: EVENT[action],
        from: r.status,
        to: step.to,
        comment: text,
      },
      caller,
      now,
    )
    return ok({ id, status: step.to, version })
  })
}
