import type { FollowUp, SupervisionBranchStatus, SupervisionRecord } from '../types/entities-supervision'
import { chinaDay, dueState } from './checkins'
import { formatDay, parseDay } from './dates'
import { SUPERVISION_METHOD_LABELS } from './labels'
import type { PlannedReminder } from './reminder-delivery'
import { chineseDate } from './time'
import { reminderKey } from './reminder-delivery'
import type { Actor } from './roles'
import { isCommittee, isSecretaryOf } from './roles'
import { chinaClockText } from './time'
import { routes } from '../types/routes'

/**
 * 督导记录: a committee member records contacts only with the branches assigned to them (分片督导); the
 * committee reads every record, a secretary those of their branch, an owner the record of their follow-up.
 */
export const canRecordFor = (actor: Actor, assignedBranchIds: readonly string[], branchId: string): boolean =>
  isCommittee(actor) && assignedBranchIds.includes(branchId)

export const canSeeRecord = (
  actor: Actor,
  record: Pick<SupervisionRecord, 'branchId' | 'followUps'>,
): boolean =>
  isCommittee(actor) ||
  isSecretaryOf(actor, record.branchId) ||
  record.followUps.some((f) => f.ownerId === actor._id)

/** Whose records a list shows: every branch (committee), or these. */
export type RecordScope = { all: true } | { all: false; branchIds: string[] }

export const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/

/** Why a contact cannot be dated so, or null: a record is of something that has happened. */
export function contactTimeProblem(day: string, time: string, now: Date): string | null {
  const date = parseDay(day)
  if (!date) return '不是有效的日期'
  const today = chinaDay(now)
  if (day > today) return '督导日期不能晚于今天'
  if (day === today && time !== '') {
    if (time > chinaClockText(now)) return '督导时间不能晚于现在'
  }
  return null
}

/** Why a follow-up deadline is wrong, or null: a China day, today or later. */
export function followUpDeadlineProblem(day: string, now: Date): string | null {
  const date = parseDay(day)
  if (!date) return '不是有效的日期'
  return formatDay(date) < chinaDay(now) ? '跟进时限不能早于今天' : null
}

export const canCloseFollowUp = (actor: Actor, f: Pick<FollowUp, 'ownerId' | 'status'>): boolean =>
  f.status === 'open' && f.ownerId === actor._id

export const isFollowUpOverdue = (f: Pick<FollowUp, 'status' | 'deadline'>, today: string): boolean =>
  dueState(formatDay(f.deadline), f.status === 'closed', today) === 'overdue'

const later = (a: Date | null, b: Date): boolean => a === null || formatDay(b) >= formatDay(a)

export type BranchStatusFields = Omit<SupervisionBranchStatus, '_id'>

/**
 * A branch's status after one more record: the latest contact is the one of the latest day (a record may be
 * entered days later, dated back), and its open follow-ups grow by the record's.
 */
export function statusAfterRecord(
  before: BranchStatusFields | null,
  record: Pick<SupervisionRecord, '_id' | 'date' | 'method' | 'supervisorName' | 'openFollowUps'>,
  at: Date,
): BranchStatusFields {
  const newest = later(before?.lastDate ?? null, record.date)
  const lastInspection = before?.lastInspectionDate ?? null
  return {
    lastDate: newest ? record.date : (before?.lastDate ?? null),
    lastMethod: newest ? record.method : (before?.lastMethod ?? null),
    lastRecordId: newest ? record._id : (before?.lastRecordId ?? null),
    lastSupervisorName: newest ? record.supervisorName : (before?.lastSupervisorName ?? ''),
    lastInspectionDate:
      record.method === 'inspection' && later(lastInspection, record.date) ? record.date : lastInspection,
    openFollowUps: (before?.openFollowUps ?? 0) + record.openFollowUps,
    updatedAt: at,
    ...(before?.absorbed ? { absorbed: before.absorbed } : {}),
  }
}

/** The first characters of a finding, for a list row. */
export const excerpt = (text: string, max = 60): string =>
  [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text

/** 消息 to each owner of a new follow-up: what to do, for which contact, by when. */
export function planFollowUpAssigned(
  record: Pick<SupervisionRecord, '_id' | 'branchName' | 'method' | 'supervisorName'>,
  followUps: readonly Pick<FollowUp, 'id' | 'text' | 'ownerId' | 'ownerName' | 'deadline'>[],
): PlannedReminder[] {
  return followUps.map((f) => {
    const deadline = formatDay(f.deadline)
    return {
      key: reminderKey('follow_up_assigned', f.ownerId, `${record._id}:${f.id}`, 'assigned'),
      kind: 'follow_up_assigned',
      personId: f.ownerId,
      itemId: record._id,
      title: '督导跟进事项',
      body: `${record.supervisorName}（${SUPERVISION_METHOD_LABELS[record.method]}）请你跟进：${f.text}，时限 ${chineseDate(deadline)}。完成后请附上佐证。`,
      page: routes.supervisionRecord(record._id),
      values: {
        title: excerpt(f.text, 20),
        branch: record.branchName,
        person: record.supervisorName,
        deadline,
        status: '待跟进',
      },
    }
  })
}

/** 消息 to the supervisor when an owner closes a follow-up. */
export function planFollowUpClosed(
  record: Pick<SupervisionRecord, '_id' | 'branchName' | 'supervisorId'>,
  followUp: Pick<FollowUp, 'id' | 'text' | 'ownerName'>,
): PlannedReminder {
  return {
    key: reminderKey('follow_up_closed', record.supervisorId, `${record._id}:${followUp.id}`, 'closed'),
    kind: 'follow_up_closed',
    personId: record.supervisorId,
    itemId: record._id,
    title: '督导跟进已完成',
    body: `${record.branchName} ${followUp.ownerName}已完成跟进事项：${followUp.text}，请查看佐证。`,
    page: routes.supervisionRecord(record._id),
    values: {
      title: excerpt(followUp.text, 20),
      branch: record.branchName,
      person: followUp.ownerName,
      status: '已完成',
    },
  }
}

/** Days since the last contact counted at most: a branch never contacted counts this much. */
export const NEVER_CONTACTED_DAYS = 90

/**
 * How much a branch needs a call now: the days since the last contact (never: NEVER_CONTACTED_DAYS), plus 10
 * for each overdue milestone and for each project with no check-in for 14 days, and 5 for each open follow-up. The
 * supervisor's page lists the highest first.
 */
export function contactNeed(
  b: { lastContact: string | null; overdueMilestones: number; openFollowUps: number; quietProjects?: number },
  today: string,
): number {
  const days =
    b.lastContact === null
      ? NEVER_CONTACTED_DAYS
      : Math.min(
          NEVER_CONTACTED_DAYS,
          Math.round(
            (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${b.lastContact}T00:00:00Z`)) / 86_400_000,
          ),
        )
  return days + 10 * (b.overdueMilestones + (b.quietProjects ?? 0)) + 5 * b.openFollowUps
}
