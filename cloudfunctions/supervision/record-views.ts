import { chinaDay } from '../../domain/checkins'
import { formatDay } from '../../domain/dates'
import { mergedNote } from '../../domain/supervision-merge'
import { canCloseFollowUp, excerpt, isFollowUpOverdue } from '../../domain/supervision-records'
import type { Person } from '../../types/entities'
import type { FollowUp, SupervisionRecord } from '../../types/entities-supervision'
import type { FollowUpView, RecordDetail, RecordSummary } from '../../types/functions/supervision'

const iso = (d: Date) => new Date(d).toISOString()

export const toRecordSummary = (r: SupervisionRecord): RecordSummary => ({
  id: r._id,
  branchId: r.branchId,
  branchName: r.branchName,
  projectTitle: r.projectTitle,
  method: r.method,
  date: formatDay(r.date),
  time: r.time,
  contactName: r.contactName,
  findings: excerpt(r.findings),
  supervisorName: r.supervisorName,
  followUps: r.followUps.length,
  openFollowUps: r.openFollowUps,
  photoCount: r.photos.length,
  mergedNote: mergedNote(r.mergedFrom),
})

export const toFollowUpView = (f: FollowUp, caller: Person, today: string): FollowUpView => ({
  id: f.id,
  text: f.text,
  owner: { id: f.ownerId, name: f.ownerName },
  deadline: formatDay(f.deadline),
  status: f.status,
  overdue: isFollowUpOverdue(f, today),
  note: f.evidence?.note ?? '',
  photos: f.evidence?.photos ?? [],
  closedAt: f.closedAt ? iso(f.closedAt) : null,
  canClose: canCloseFollowUp(caller, f),
})

export function toRecordDetail(r: SupervisionRecord, caller: Person, now: Date): RecordDetail {
  const today = chinaDay(now)
  return {
    id: r._id,
    branchId: r.branchId,
    branchName: r.branchName,
    projectId: r.projectId,
    projectTitle: r.projectTitle,
    method: r.method,
    date: formatDay(r.date),
    time: r.time,
    contactName: r.contactName,
    findings: r.findings,
    supervisorName: r.supervisorName,
    photos: r.photos,
    followUps: r.followUps.map((f) => toFollowUpView(f, caller, today)),
    createdAt: iso(r.createdAt),
    mergedNote: mergedNote(r.mergedFrom),
  }
}
