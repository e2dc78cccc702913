import { z } from 'zod'
import type { CheckinPlace, DueState, MilestoneAction, MilestoneStatus, ProjectStatus } from '../entities'
import { freeText, idSchema, pagingSchema } from './common'
import type { Page } from './common'
import type { PersonRef } from './projects'

// Types may not import domain: the function checks file ids against domain/files.ts (own uploads, allowed
// types) and times against domain/checkins.ts (no future, at most 30 days back).
const fileId = z.string().min(1).max(300).startsWith('cloud://', '文件编号无效')
const comment = freeText(500)
const requiredComment = freeText(500, { required: '请填写意见' })

/** Made by the app once per check-in (a UUID will do) and sent again on every retry: never two records. */
const requestId = z
  .string()
  .min(8, '请求编号至少 8 位')
  .max(64, '请求编号不能超过 64 位')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

const place = z
  .object({
    name: freeText(60, { required: '请填写地点' }),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .strict()

/** Where the previous page of history ended (opaque: pass back `nextCursor`). */
const cursor = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, '翻页位置无效')

const byId = z.object({ id: idSchema }).strict()

export const checkinsSchemas = {
  /** 打卡: the caller's tasks and milestones across projects being implemented, what is due first first. */
  myTasks: z.object({}).strict(),
  /** One check-in (写实) on a task the caller is assigned to or owns a milestone of. */
  create: z
    .object({
      requestId,
      projectId: idSchema,
      taskId: idSchema,
      milestoneId: idSchema.optional(),
      text: freeText(500, { required: '请填写打卡内容' }),
      photos: z.array(fileId).max(9, '最多 9 张照片').default([]),
      /** When the work was done (ISO 8601); now when left out. */
      at: z.iso.datetime({ offset: true, message: '时间格式不正确' }).optional(),
      place: place.optional(),
    })
    .strict(),
  /** The caller's check-ins, newest first. */
  history: z
    .object({
      cursor: cursor.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .strict(),
  /** 我的: the caller's check-in figures and milestones. */
  myStats: z.object({}).strict(),
  /** The owner submits a milestone as done, with what was done and its evidence (photos, files). */
  submitMilestone: z
    .object({
      id: idSchema,
      description: freeText(1000, { required: '请填写完成情况' }),
      evidence: z.array(fileId).max(9, '最多 9 个附件').default([]),
    })
    .strict(),
  /** 待审批: milestone submissions waiting for the caller, longest waiting first. */
  inbox: z.object({ ...pagingSchema }).strict(),
  /** The 待审批 badge: how many submissions wait for the caller (one count query). */
  inboxCount: z.object({}).strict(),
  /** A milestone with its evidence, its whole submission history and the check-ins behind it. */
  getSubmission: byId,
  approveMilestone: z.object({ id: idSchema, comment: comment.optional() }).strict(),
  /**
   * The author corrects a check-in within 24 hours (or while its milestone is returned for correction): what
   * was done, its photos and place. The earlier version is kept for the secretary.
   */
  editCheckin: z
    .object({
      id: idSchema,
      text: freeText(500, { required: '请填写打卡内容' }),
      photos: z.array(fileId).max(9, '最多 9 张照片').default([]),
      place: place.nullable().optional(),
    })
    .strict(),
  /** The author withdraws a check-in (same window): it no longer counts; the secretary still sees it. */
  withdrawCheckin: byId,
  /** Back to the owner, saying why; they revise and submit again (every round is kept). */
  returnMilestone: z.object({ id: idSchema, comment: requiredComment }).strict(),
}

export interface ProjectRef {
  id: string
  title: string
}

/** A line of 打卡: a task the caller is assigned to, or a milestone they own. */
export interface MyTaskItem {
  kind: 'task' | 'milestone'
  /** Unique within the list. */
  key: string
  project: ProjectRef & { branchName: string }
  task: { id: string; title: string }
  milestone: {
    id: string
    title: string
    weight: number
    status: MilestoneStatus
    round: number
    /** The latest approver's comment: why it was returned, when it was. */
    lastComment: string
  } | null
  /** YYYY-MM-DD. A milestone's deadline; a task's is the earliest of its unfinished milestones. */
  deadline: string | null
  dueState: DueState
  /** Check-ins recorded on this task or milestone, by everyone. */
  checkins: number
  /** The caller owns this milestone and it is open or returned. */
  canSubmit: boolean
}

export interface MyTasks {
  /** Overdue and due first, then later, then undated, then done. */
  items: MyTaskItem[]
  overdue: number
  /** YYYY-MM-DD in China, the day `dueState` was judged on. */
  today: string
}

/** One check-in as history and the approver see it. */
export interface CheckinView {
  id: string
  person: PersonRef
  project: ProjectRef
  task: { id: string; title: string }
  milestone: { id: string; title: string } | null
  text: string
  /** Cloud file ids. */
  photos: string[]
  /** ISO instant of when the work was done. */
  at: string
  /** YYYY-MM-DD in China. */
  day: string
  place: CheckinPlace | null
  /** Withdrawn by its author (only the secretary and the committee see such a check-in). */
  withdrawn: boolean
  withdrawnAt: string | null
  /** ISO instant of the latest edit, null when never edited. */
  editedAt: string | null
  /**
   * For its author: until when they may still edit or withdraw it (ISO), 'reopened' while its milestone is
   * returned for correction, null when they may not.
   */
  correctable: string | null
  /** What it said before each edit, oldest first (for the secretary and the committee; empty otherwise). */
  versions: CheckinVersionView[]
}

export interface CheckinVersionView {
  text: string
  photos: string[]
  place: CheckinPlace | null
  /** ISO instant it was replaced. */
  until: string
}

/** After an edit or a withdrawal: the check-in as its author now sees it, and their figures. */
export interface CheckinCorrected {
  checkin: CheckinView
  figures: CheckinFigures
}

/** A member's check-in figures as of today. */
export interface CheckinFigures {
  total: number
  /** Consecutive days up to today or yesterday; 0 once a day has been missed. */
  streak: number
  longestStreak: number
  lastDay: string | null
  checkedInToday: boolean
  today: string
}

export interface MyStats extends CheckinFigures {
  /** The caller's own milestones waiting for approval and approved. */
  milestones: { waiting: number; approved: number }
  /** Check-ins recorded for the caller's branch, by everyone. */
  branch: { id: string; name: string; checkins: number } | null
}

export interface CheckinCreated {
  checkin: CheckinView
  /** False when this request id was recorded before: that record comes back and nothing is written. */
  created: boolean
  figures: CheckinFigures
}

export interface CheckinHistory {
  items: CheckinView[]
  /** Pass back as `cursor` for the next page; null when there is none. */
  nextCursor: string | null
}

/** A submission waiting in the 待审批 inbox. */
export interface InboxItem {
  milestone: {
    id: string
    title: string
    weight: number
    deadline: string | null
    dueState: DueState
    round: number
  }
  project: ProjectRef & { branchName: string }
  task: { id: string; title: string }
  submittedBy: PersonRef | null
  submittedAt: string | null
  /** The start of the description (at most 60 characters). */
  excerpt: string
  evidenceCount: number
}

/** One step of a milestone's review. */
export interface MilestoneRecordView {
  id: string
  round: number
  action: MilestoneAction
  from: MilestoneStatus
  to: MilestoneStatus
  actorName: string
  description: string
  evidence: string[]
  comment: string
  at: string
}

export interface SubmissionDetail {
  milestone: {
    id: string
    title: string
    weight: number
    status: MilestoneStatus
    deadline: string | null
    dueState: DueState
    qualityStandard: string
    expectedGoal: string
    owner: PersonRef | null
    round: number
    submittedBy: PersonRef | null
    submittedAt: string | null
    description: string
    evidence: string[]
    lastComment: string
    checkins: number
  }
  project: ProjectRef & { branchId: string; branchName: string; status: ProjectStatus; progress: number }
  task: { id: string; title: string; checkins: number }
  /** Every step of every round, newest first. */
  history: MilestoneRecordView[]
  /** The latest check-ins on its task (the work behind it), newest first, at most 20. */
  checkins: CheckinView[]
  /** What the caller may do now. */
  can: MilestoneAction[]
}

/** What a submit, approval or return answers. */
export interface MilestoneChange {
  id: string
  status: MilestoneStatus
  round: number
  /** The project's progress after it (approvals raise it). */
  projectProgress: number
}

export interface CheckinsOutputs {
  myTasks: MyTasks
  create: CheckinCreated
  history: CheckinHistory
  myStats: MyStats
  submitMilestone: MilestoneChange
  inbox: Page<InboxItem>
  inboxCount: { count: number }
  getSubmission: SubmissionDetail
  approveMilestone: MilestoneChange
  returnMilestone: MilestoneChange
  editCheckin: CheckinCorrected
  withdrawCheckin: CheckinCorrected
}
