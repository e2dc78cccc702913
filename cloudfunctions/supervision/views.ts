import { mergedNote } from '../../domain/supervision-merge'
import { chinaDay } from '../../domain/checkins'
import { formatDay } from '../../domain/dates'
import { isRectificationOverdue, rectificationActions } from '../../domain/supervision'
import type { Person } from '../../types/entities'
import type {
  Rectification,
  SpotCheckFinding,
  SupervisionEvent,
  SupervisionEventAction,
  SupervisionSubject,
} from '../../types/entities-supervision'
import type { FindingView, RectificationView, SupervisionEventView } from '../../types/functions/supervision'
import type { Tx } from '../_shared/transaction'
import { COLLECTIONS } from '../_shared/cloud'
import { eventFields, iso } from '../_shared/project-views'

export const toFindingView = (f: SpotCheckFinding): FindingView => ({
  conclusion: f.conclusion,
  text: f.text,
  byName: f.byName,
  at: iso(f.at),
})

export function toRectificationView(r: Rectification, caller: Person, now: Date): RectificationView {
  return {
    id: r._id,
    spotCheckId: r.spotCheckId,
    projectId: r.projectId,
    projectTitle: r.projectTitle,
    branchName: r.branchName,
    text: r.text,
    owner: { id: r.ownerId, name: r.ownerName },
    deadline: formatDay(r.deadline),
    status: r.status,
    overdue: isRectificationOverdue(r, chinaDay(now)),
    note: r.note,
    lastComment: r.lastComment,
    updatedAt: iso(r.updatedAt),
    can: rectificationActions(caller, r),
    mergedNote: mergedNote(r.mergedFrom, '整改'),
  }
}

export const toEventView = (e: SupervisionEvent): SupervisionEventView => ({
  ...eventFields(e),
  subjectId: e.subjectId,
})

export interface EventInput {
  subject: SupervisionSubject
  subjectId: string
  spotCheckId?: string | null
  projectId?: string | null
  action: SupervisionEventAction
  from?: string | null
  to?: string | null
  comment?: string
}

/** The audit record of one step, by `caller`, at `at`. */
export const event = (e: EventInput, caller: Person, at: Date): Omit<SupervisionEvent, '_id'> => ({
  subject: e.subject,
  subjectId: e.subjectId,
  spotCheckId: e.spotCheckId ?? null,
  projectId: e.projectId ?? null,
  action: e.action,
  from: e.from ?? null,
  to: e.to ?? null,
  actorId: caller._id,
  actorName: caller.name,
  comment: e.comment ?? '',
  at,
})

/** Adds the event inside the transaction that made the change. */
export const addEvent = (t: Tx, e: EventInput, caller: Person, at: Date): Promise<unknown> =>
  t.collection(COLLECTIONS.supervisionEvents).add({ data: event(e, caller, at) })
