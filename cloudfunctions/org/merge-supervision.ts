import { assignmentId } from '../../domain/supervision'
import {
  assignmentsAfterMerge,
  rectificationHeir,
  spotCheckAfterMerge,
  statusAfterMerge,
} from '../../domain/supervision-merge'
import type { MergedFrom } from '../../domain/supervision-merge'
import type { Person } from '../../types/entities'
import type {
  SpotCheck,
  SupervisionAssignment,
  SupervisionBranchStatus,
  SupervisionEvent,
} from '../../types/entities-supervision'
import { COLLECTIONS, _ } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { fetchAll, getMapByIds } from '../_shared/repositories/query'
import { listSecretariesOf } from '../_shared/repositories/supervision'
import { coll } from './admin-store'

/**
 * A branch's 督导 as a merge reads it (all in one round trip, beside the merge's other reads): the active
 * assignments of both branches, both latest-contact statuses, the spot checks naming the merged branch and the
 * remaining branch's secretaries (who inherit its unfinished 整改 and are told).
 */
export async function readSupervision(fromId: string, intoId: string) {
  const active = (branchId: string) =>
    fetchAll<SupervisionAssignment>(
      coll('supervisionAssignments').where({ branchId, active: true }).orderBy('_id', 'asc'),
    )
  const [fromAssignments, intoAssignments, statuses, spotChecks, intoSecretaries] = await Promise.all([
    active(fromId),
    active(intoId),
    getMapByIds<SupervisionBranchStatus>(COLLECTIONS.supervisionBranchStatus, [fromId, intoId]),
    fetchAll<Pick<SpotCheck, '_id' | 'branchIds' | 'picked'>>(
      coll('spotChecks')
        .where({ branchIds: _.in([fromId]) })
        .field({ _id: true, branchIds: true, picked: true })
        .orderBy('createdAt', 'asc'),
    ),
    listSecretariesOf(intoId),
  ])
  const plan = assignmentsAfterMerge(fromAssignments, intoAssignments)
  return {
    plan,
    fromStatus: statuses.get(fromId) ?? null,
    intoStatus: statuses.get(intoId) ?? null,
    spotChecks,
    heir: rectificationHeir(intoSecretaries),
    secretaryIds: intoSecretaries.map((p) => p._id),
    endedSupervisorIds: plan.carry.length > 0 ? [] : fromAssignments.map((a) => a.personId),
    carriedSupervisorIds: plan.carry.map((c) => c.personId),
  }
}

export type SupervisionRead = Awaited<ReturnType<typeof readSupervision>>

export interface MergeSides {
  from: { id: string; name: string }
  into: { id: string; name: string }
  caller: Pick<Person, '_id' | 'name'>
  at: Date
}

/**
 * The writes that carry the merged branch's 督导 over (domain/supervision-merge.ts), to issue together with the
 * merge's other writes. Each is safe to repeat: what already names the remaining branch is not matched again.
 * Answers how many records and unfinished 整改 tasks moved.
 */
export async function moveSupervision(
  read: SupervisionRead,
  { from, into, caller, at }: MergeSides,
): Promise<{ records: number; tasks: number }> {
  const mergedFrom: MergedFrom = { branchId: from.id, branchName: from.name, at }
  const comment = `支部合并：「${from.name}」并入「${into.name}」`
  const event = (subjectId: string, assign: boolean): Omit<SupervisionEvent, '_id'> => ({
    subject: 'assignment',
    subjectId,
    spotCheckId: null,
    projectId: null,
    action: assign ? 'assign' : 'unassign',
    from: assign ? 'unassigned' : 'assigned',
    to: assign ? 'assigned' : 'unassigned',
    actorId: caller._id,
    actorName: caller.name,
    comment,
    at,
  })
  const events = [
    ...read.plan.end.map((id) => event(id, false)),
    ...read.plan.carry.map((c) => event(assignmentId(c.personId, into.id), true)),
  ]
  const updated = (res: unknown) => (res as { stats?: { updated?: number } }).stats?.updated ?? 0
  const moved = { branchId: into.id, branchName: into.name, mergedFrom }
  const [records, open] = await Promise.all([
    (
      coll('supervisionRecords')
        .where({ branchId: from.id })
        .update({ data: { ...moved, updatedAt: at } }) as Promise<unknown>
    ).then(updated),
    (
      coll('rectifications')
        .where({ branchId: from.id, status: _.in(['open', 'done']) })
        .update({
          data: {
            ...moved,
            ...(read.heir ? { ownerId: read.heir._id, ownerName: read.heir.name } : {}),
            updatedAt: at,
            version: _.inc(1),
          },
        }) as Promise<unknown>
    ).then(updated),
    coll('rectifications')
      .where({ branchId: from.id, status: 'confirmed' })
      .update({ data: { ...moved, updatedAt: at, version: _.inc(1) } }),
    ...read.plan.end.map((id) =>
      coll('supervisionAssignments')
        .doc(id)
        .update({ data: { active: false, updatedBy: caller._id, updatedAt: at } }),
    ),
    ...read.plan.carry.map((c) =>
      coll('supervisionAssignments')
        .doc(assignmentId(c.personId, into.id))
        .set({
          data: {
            personId: c.personId,
            branchId: into.id,
            active: true,
            updatedBy: caller._id,
            updatedAt: at,
            inspection: c.inspection,
          },
        }),
    ),
    events.length > 0
      ? coll('supervisionEvents').add({ data: events.map((e) => ({ _id: newId('se'), ...e })) })
      : null,
    ...read.spotChecks.flatMap((c) => {
      const next = spotCheckAfterMerge(c, from.id, into)
      return next
        ? [
            coll('spotChecks')
              .doc(c._id)
              .update({
                data: { branchIds: _.set(next.branchIds), picked: _.set(next.picked), updatedAt: at },
              }),
          ]
        : []
    }),
    statusWrite(read, from.id, into.id, at),
  ])
  return { records, tasks: open }
}

/** The remaining branch's latest-contact status with the merged one's added, once (its own goes with the branch). */
function statusWrite(
  read: SupervisionRead,
  fromId: string,
  intoId: string,
  at: Date,
): Promise<unknown> | null {
  const next = statusAfterMerge(fromId, read.fromStatus, read.intoStatus, at)
  if (!read.fromStatus || !next || next === read.intoStatus) return null
  return coll('supervisionBranchStatus').doc(intoId).set({ data: next }) as Promise<unknown>
}

/** What goes once everything moved: the merged branch's own status document. */
export const removeSupervision = (fromId: string): Promise<unknown> =>
  coll('supervisionBranchStatus').doc(fromId).remove() as Promise<unknown>
