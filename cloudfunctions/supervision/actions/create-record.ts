import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { parseDay } from '../../../domain/dates'
import {
  canRecordFor,
  contactTimeProblem,
  followUpDeadlineProblem,
  planFollowUpAssigned,
  statusAfterRecord,
} from '../../../domain/supervision-records'
import type {
  FollowUp,
  SupervisionBranchStatus,
  SupervisionRecord,
} from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import type { InputIssue } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { now as clockNow } from '../../_shared/clock'
import { fileIdIssues } from '../../_shared/file-ids'
import { notify, settingsOf } from '../../_shared/notify'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import { getPeopleByIds } from '../../_shared/repositories/people'
import { getProject } from '../../_shared/repositories/projects'
import { getRecord, supervises } from '../../_shared/repositories/supervision-records'
import { requestDocId } from '../../_shared/request-ids'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

const invalid = (issues: InputIssue[]) => fail('INVALID_INPUT', issues[0].message, issues)

/**
 * 督导记录: one contact with a branch the caller supervises. Everything it needs is read together (one round
 * trip); the record and the branch's latest-contact status are written in one transaction; then each
 * follow-up's owner gets a 消息. The id comes from the request id: a retried save finds the first record.
 */
export const createRecord: Handler<'supervision', 'createRecord'> = async (p, { caller }) => {
  const id = requestDocId('sr', caller._id, p.requestId)
  const ownerIds = p.followUps.map((f) => f.ownerId)
  const [mine, units, people, project, earlier, settings] = await Promise.all([
    supervises(caller._id, p.branchId),
    getOrgUnitsByIds([p.branchId]),
    getPeopleByIds([...ownerIds, ...(p.contactId ? [p.contactId] : [])]),
    p.projectId ? getProject(p.projectId) : null,
    getRecord(id),
    settingsOf(ownerIds),
  ])
  const branch = units.get(p.branchId)
  if (!branch || branch.kind !== 'branch') return fail('NOT_FOUND', '没有找到这个支部')
  if (!canRecordFor(caller, mine ? [p.branchId] : [], p.branchId))
    return fail('FORBIDDEN', `${branch.name}不是你联系指导的支部`)
  const byId = new Map(people.map((x) => [x._id, x]))
  const outsider = ownerIds.findIndex((o) => byId.get(o)?.branchId !== p.branchId)
  if (outsider >= 0) return fail('FORBIDDEN', `跟进事项的责任人须是${branch.name}的人员`)
  if (earlier) return ok({ id, created: false })

  const now = clockNow()
  const time = p.time ?? ''
  const timeProblem = contactTimeProblem(p.date, time, now)
  if (timeProblem) return invalid([{ path: 'date', message: timeProblem }])
  const deadlineIssues = p.followUps.flatMap((f, k) => {
    const problem = followUpDeadlineProblem(f.deadline, now)
    return problem ? [{ path: `followUps.${k}.deadline`, message: problem }] : []
  })
  if (deadlineIssues.length > 0) return invalid(deadlineIssues)
  const photoIssues = fileIdIssues(p.photos, caller._id, PHOTO_EXTENSIONS, 'photos')
  if (photoIssues.length > 0) return invalid(photoIssues.map(photoMessage))
  if (p.projectId && (!project || project.branchId !== p.branchId))
    return fail('NOT_FOUND', `${branch.name}没有这个项目`)
  const contact = p.contactId ? byId.get(p.contactId) : undefined
  if (p.contactId && contact?.branchId !== p.branchId)
    return invalid([{ path: 'contactId', message: `被联系人须是${branch.name}的人员` }])
  const contactName = contact?.name ?? p.contactName ?? ''
  if (contactName === '') return invalid([{ path: 'contactName', message: '请填写联系了谁' }])

  const followUps: FollowUp[] = p.followUps.map((f, k) => ({
    id: `f${k + 1}`,
    text: f.text,
    ownerId: f.ownerId,
    ownerName: byId.get(f.ownerId)?.name ?? '',
    deadline: parseDay(f.deadline) as Date,
    status: 'open',
    evidence: null,
    closedAt: null,
  }))
  const doc: Omit<SupervisionRecord, '_id'> = {
    requestId: p.requestId,
    branchId: p.branchId,
    branchName: branch.name,
    projectId: project?._id ?? null,
    projectTitle: project?.title ?? '',
    method: p.method,
    date: parseDay(p.date) as Date,
    time,
    contactId: contact?._id ?? null,
    contactName,
    findings: p.findings,
    photos: p.photos,
    followUps,
    openFollowUps: followUps.length,
    supervisorId: caller._id,
    supervisorName: caller.name,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  const created = await runInTransaction(async (t) => {
    const [again, status] = await Promise.all([
      txGet<SupervisionRecord>(t, COLLECTIONS.supervisionRecords, id),
      txGet<SupervisionBranchStatus>(t, COLLECTIONS.supervisionBranchStatus, p.branchId),
    ])
    if (again) return false
    const next = statusAfterRecord(status, { _id: id, ...doc }, now)
    await Promise.all([
      t.collection(COLLECTIONS.supervisionRecords).doc(id).set({ data: doc }),
      t.collection(COLLECTIONS.supervisionBranchStatus).doc(p.branchId).set({ data: next }),
    ])
    return true
  })
  if (created) await notify(planFollowUpAssigned({ _id: id, ...doc }, followUps), settings, now)
  return ok({ id, created })
}

/** A photo that is not an image says so in words a person understands. */
export const photoMessage = (issue: InputIssue): InputIssue =>
  issue.message === '文件类型不允许' ? { ...issue, message: '只能上传照片（jpg、png、webp）' } : issue
