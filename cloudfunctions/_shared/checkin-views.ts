import { correctionWindow } from '../../domain/checkin-correction'
import { EMPTY_STATS, chinaDay, countedTotal, currentStreak } from '../../domain/checkins'
import type { Checkin, CheckinStats, MilestoneRecord, MilestoneStatus } from '../../types/entities'
import type { CheckinFigures, CheckinView, MilestoneRecordView } from '../../types/functions/checkins'
import { iso } from './project-views'
import type { HistoryMark } from './repositories/checkins'

export function toCheckinView(c: Checkin): CheckinView {
  return {
    id: c._id,
    person: { id: c.personId, name: c.personName },
    project: { id: c.projectId, title: c.projectTitle },
    task: { id: c.taskId, title: c.taskTitle },
    milestone: c.milestoneId ? { id: c.milestoneId, title: c.milestoneTitle ?? '' } : null,
    text: c.text,
    photos: c.photos,
    at: iso(c.at),
    day: c.day,
    place: c.place,
    withdrawn: Boolean(c.withdrawnAt),
    withdrawnAt: c.withdrawnAt ? iso(c.withdrawnAt) : null,
    editedAt: c.editedAt ? iso(c.editedAt) : null,
    correctable: null,
    versions: [],
  }
}

/** Who looks at a check-in, and what decides whether its author may still correct it. */
export interface CheckinViewer {
  callerId: string
  /** The branch's secretary or the committee: they see withdrawn check-ins and earlier versions. */
  staff: boolean
  /** Status of the milestones the check-ins are evidence for, by id. */
  milestones: Map<string, MilestoneStatus>
  now: Date
}

/** A check-in as `viewer` sees it: the author with its correction window, staff with its earlier versions. */
export function checkinViewFor(c: Checkin, viewer: CheckinViewer): CheckinView {
  const status = c.milestoneId ? (viewer.milestones.get(c.milestoneId) ?? null) : null
  return {
    ...toCheckinView(c),
    correctable: correctionWindow(c, viewer.callerId, status, viewer.now),
    versions: viewer.staff
      ? (c.versions ?? []).map((v) => ({
          text: v.text,
          photos: v.photos,
          place: v.place,
          until: iso(v.until),
        }))
      : [],
  }
}

/** Check-ins `viewer` may see: withdrawn ones only for staff. */
export const visibleTo = (list: readonly Checkin[], viewer: Pick<CheckinViewer, 'staff'>): Checkin[] =>
  viewer.staff ? [...list] : list.filter((c) => !c.withdrawnAt)

/** A member's figures as they stand on `now`'s day: a streak whose last day is before yesterday is over. */
export function toFigures(stats: CheckinStats | null, now: Date): CheckinFigures {
  const s = stats ?? EMPTY_STATS
  const today = chinaDay(now)
  return {
    total: countedTotal(s),
    streak: currentStreak(s, today),
    longestStreak: s.longestStreak,
    lastDay: s.lastDay,
    checkedInToday: s.lastDay === today,
    today,
  }
}

export const toRecordView = (r: MilestoneRecord): MilestoneRecordView => ({
  id: r._id,
  round: r.round,
  action: r.action,
  from: r.from,
  to: r.to,
  actorName: r.actorName,
  description: r.description,
  evidence: r.evidence,
  comment: r.comment,
  at: iso(r.at),
})

/** The history cursor after check-in `c`: its instant in ms and its id. */
export const cursorAfter = (c: Pick<Checkin, '_id' | 'at'>): string => `${new Date(c.at).getTime()}.${c._id}`

/** The schema has checked the shape (digits, a dot, an id). */
export function parseCursor(cursor: string): HistoryMark {
  const dot = cursor.indexOf('.')
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) }
}

/** The start of a text, for a list line. */
export const excerpt = (text: string, max = 60): string =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`
