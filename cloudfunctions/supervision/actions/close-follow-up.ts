import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { canCloseFollowUp, planFollowUpClosed } from '../../../domain/supervision-records'
import type { SupervisionBranchStatus, SupervisionRecord } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, _ } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import { notifyInTx, settingsOf, wanted } from '../../_shared/notify'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import { photoMessage } from './create-record'

/**
 * The owner closes a follow-up with what was done and photos: the record (version + 1), the branch's open
 * count and the supervisor's 消息 are written together in one transaction.
 */
export const closeFollowUp: Handler<'supervision', 'closeFollowUp'> = async (
  { id, followUpId, note, photos },
  { caller },
) => {
  return runInTransaction(async (t) => {
    const r = await txGet<SupervisionRecord>(t, COLLECTIONS.supervisionRecords, id)
    const f = r?.followUps.find((x) => x.id === followUpId)
    if (!r || !f) return fail('NOT_FOUND', '没有找到这项跟进事项')
    if (f.ownerId !== caller._id) return fail('FORBIDDEN', `只有责任人${f.ownerName}可以完成这项跟进`)
    if (!canCloseFollowUp(caller, f)) return fail('CONFLICT', '这项跟进事项已经完成')
    const issues = fileIdIssues(photos, caller._id, PHOTO_EXTENSIONS, 'photos').map(photoMessage)
    if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
    const now = new Date()
    const followUps = r.followUps.map((x) =>
      x.id === followUpId
        ? { ...x, status: 'closed' as const, evidence: { note, photos }, closedAt: now }
        : x,
    )
    const openFollowUps = followUps.filter((x) => x.status === 'open').length
    const version = r.version + 1
    const [status, settings] = await Promise.all([
      txGet<SupervisionBranchStatus>(t, COLLECTIONS.supervisionBranchStatus, r.branchId),
      settingsOf([r.supervisorId]),
    ])
    await Promise.all([
      ...notifyInTx(t, wanted([planFollowUpClosed(r, f)], settings), now),
      t
        .collection(COLLECTIONS.supervisionRecords)
        .doc(id)
        .update({ data: { followUps: _.set(followUps), openFollowUps, version, updatedAt: now } }),
      status
        ? t
            .collection(COLLECTIONS.supervisionBranchStatus)
            .doc(r.branchId)
            .update({
              data: { openFollowUps: Math.max(0, status.openFollowUps - 1), updatedAt: now },
            })
        : null,
    ])
    return ok({ id, followUpId, openFollowUps, version })
  })
}
