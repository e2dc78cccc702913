import { chinaDay } from '../../../domain/checkins'
import { formatDay, parseDay } from '../../../domain/dates'
import { planRectificationAssigned } from '../../../domain/notifications'
import { canSupervise } from '../../../domain/supervision'
import type { Rectification, SpotCheck } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { notifyInTx, rectificationFact, settingsOf, wanted } from '../../_shared/notify'
import { getSpotCheck, listSecretariesOf } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import { addEvent } from '../views'

/** 下达整改: a task for a picked project with a deadline; its owner is the project's branch secretary. */
export const addRectification: Handler<'supervision', 'addRectification'> = async (
  { id, projectId, text, deadline },
  { caller },
) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '只有党委可以下达整改任务')
  const day = parseDay(deadline)
  const today = chinaDay(new Date())
  if (!day || formatDay(day) < today) {
    const message = day ? '整改时限不能早于今天' : '不是有效的日期'
    return fail('INVALID_INPUT', message, [{ path: 'deadline', message }])
  }
  const check = await getSpotCheck(id)
  const pick = check?.picked.find((p) => p.projectId === projectId)
  if (!check) return fail('NOT_FOUND', '没有找到这次抽查')
  if (!pick) return fail('NOT_FOUND', '这个项目不在本次抽查之中')
  const [owner] = await listSecretariesOf(pick.branchId)
  if (!owner) return fail('CONFLICT', `${pick.branchName}还没有支部书记，无法下达整改`)
  const rid = newId('rf')
  return runInTransaction(async (t) => {
    // The owner is told at once: their settings are read alongside the check, the notice written alongside the event.
    const [inTx, settings] = await Promise.all([
      txGet<SpotCheck>(t, COLLECTIONS.spotChecks, id),
      settingsOf([owner._id]),
    ])
    if (!inTx) return fail('NOT_FOUND', '没有找到这次抽查')
    const now = new Date()
    const doc: Omit<Rectification, '_id'> = {
      spotCheckId: id,
      projectId,
      projectTitle: pick.title,
      branchId: pick.branchId,
      branchName: pick.branchName,
      text,
      ownerId: owner._id,
      ownerName: owner.name,
      deadline: day,
      status: 'open',
      note: '',
      doneBy: null,
      doneAt: null,
      lastComment: '',
      createdBy: caller._id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }
    await t.collection(COLLECTIONS.rectifications).doc(rid).set({ data: doc })
    const told = planRectificationAssigned({ ...rectificationFact(rid, doc), deadline }, caller.name, now)
    const notices = notifyInTx(t, wanted(told, settings), now)
    await addEvent(
      t,
      {
        subject: 'rectification',
        subjectId: rid,
        spotCheckId: id,
        projectId,
        action: 'create_rectification',
        to: 'open',
        comment: `${text}（时限 ${deadline}，责任人 ${owner.name}）`,
      },
      caller,
      now,
    )
    await Promise.all(notices)
    return ok({ id: rid, status: 'open' as const, version: 1 })
  })
}
