import { planSupervisionAssigned } from '../../../domain/notifications'
import { isCommittee } from '../../../domain/roles'
import { assignmentId, canSupervise } from '../../../domain/supervision'
import type { SupervisionAssignment } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { branchSecretaries, notify } from '../../_shared/notify'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import { getPeopleByIds } from '../../_shared/repositories/people'
import { listAssignments } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import { addEvent } from '../views'

/** Assigns a branch to a committee member or takes it back; only a real change is written (and recorded). */
export const setAssignment: Handler<'supervision', 'setAssignment'> = async (
  { personId, branchId, assigned },
  { caller },
) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '只有党委可以设置分片督导')
  // The branch's secretaries are told of a new assignment: they and their settings are read alongside.
  // A new branch follows the supervisor's 定期检查 cadence: their other assignments are read alongside too.
  const [[person], units, told, held] = await Promise.all([
    getPeopleByIds([personId]),
    getOrgUnitsByIds([branchId]),
    assigned ? branchSecretaries([branchId]) : null,
    assigned ? listAssignments(personId) : [],
  ])
  if (!person || !isCommittee(person)) return fail('NOT_FOUND', '没有这位党委成员')
  const branch = units.get(branchId)
  if (!branch || branch.kind !== 'branch') return fail('NOT_FOUND', '没有找到这个党支部')
  const id = assignmentId(personId, branchId)
  let changedAt: Date | null = null
  const res = await runInTransaction(async (t) => {
    const before = await txGet<SupervisionAssignment>(t, COLLECTIONS.supervisionAssignments, id)
    const was = before?.active ?? false
    if (was === assigned) return ok({ personId, branchId, assigned, changed: false })
    const now = new Date()
    changedAt = now
    const doc: Omit<SupervisionAssignment, '_id'> = {
      personId,
      branchId,
      active: assigned,
      updatedBy: caller._id,
      updatedAt: now,
      ...(assigned ? { inspection: held.find((a) => a.inspection)?.inspection ?? [] } : {}),
    }
    await t.collection(COLLECTIONS.supervisionAssignments).doc(id).set({ data: doc })
    await addEvent(
      t,
      {
        subject: 'assignment',
        subjectId: id,
        action: assigned ? 'assign' : 'unassign',
        from: was ? 'assigned' : 'unassigned',
        to: assigned ? 'assigned' : 'unassigned',
        comment: `${person.name}：${branch.name}`,
      },
      caller,
      now,
    )
    return ok({ personId, branchId, assigned, changed: true })
  })
  const at: Date | null = changedAt
  if (res.ok && res.data.changed && told && at) {
    const planned = planSupervisionAssigned(
      { assignmentId: id, branchName: branch.name, supervisorName: person.name, at },
      told.secretaries[branchId] ?? [],
    )
    await notify(planned, told.settings, at)
  }
  return res
}
