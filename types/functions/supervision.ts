import { z } from 'zod'
import type { ProjectStatus } from '../entities'
import { FINDING_CONCLUSIONS, INSPECTION_CADENCES, SUPERVISION_METHODS } from '../entities-supervision'
import type {
  FindingConclusion,
  InspectionCadence,
  FollowUpStatus,
  SupervisionMethod,
  RectificationAction,
  RectificationStatus,
  SupervisionEventAction,
} from '../entities-supervision'
import { freeText, idSchema, pagingSchema } from './common'
import type { Page } from './common'
import type { PersonRef } from './projects'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const year = z.number().int().min(2000).max(2100)
const byId = z.object({ id: idSchema }).strict()
const fileId = z.string().min(1).max(300).startsWith('cloud://', '文件编号无效')
const photos = z.array(fileId).max(9, '最多 9 张照片').default([])
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
const requiredText = (what: string, max: number) => freeText(max, { required: `请填写${what}` })

/** Made by the app once per draw and sent again on a retry: never two draws for one tap. */
const requestId = z
  .string()
  .min(8, '请求编号至少 8 位')
  .max(64, '请求编号不能超过 64 位')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

export const supervisionSchemas = {
  /** 分片设置: every committee member and the branches each supervises (committee only). */
  assignments: z.object({}).strict(),
  /** Assigns a branch to a committee member, or takes it back; the same answer twice changes nothing. */
  setAssignment: z.object({ personId: idSchema, branchId: idSchema, assigned: z.boolean() }).strict(),
  /** 定期检查频次: how often a supervisor inspects their branches in a year (null: none); committee only. */
  setCadence: z
    .object({ personId: idSchema, year, cadence: z.enum(INSPECTION_CADENCES).nullable() })
    .strict(),
  /** 定期检查 coverage this period: branches inspected, of those due (committee and secretaries). */
  inspectionCoverage: z.object({}).strict(),
  /** 整改任务: a secretary's branches' rectifications, a committee member's supervised branches'; open first. */
  myRectifications: z.object({}).strict(),
  /** 我的联系支部: the caller's branches with their running projects and overdue milestones. */
  myBranches: z.object({}).strict(),
  /** How many running projects a draw would choose from (all branches, or one). */
  candidates: z.object({ branchId: idSchema.optional() }).strict(),
  /** 随机抽查: draws `size` running projects (all branches, or one) with a fresh recorded seed. */
  createSpotCheck: z
    .object({
      requestId,
      size: z.number().int().min(1, '至少抽取 1 个项目').max(20, '最多抽取 20 个项目'),
      branchId: idSchema.optional(),
    })
    .strict(),
  /** Spot checks, newest first: the committee's all, a secretary's those that picked their branch. */
  listSpotChecks: z.object({ ...pagingSchema }).strict(),
  getSpotCheck: byId,
  /** Draws again from the recorded seed and candidates, and says whether the pick is the same. */
  verifySpotCheck: byId,
  /** The committee's findings on one picked project (saving again replaces them; each save is an event). */
  recordFinding: z
    .object({
      id: idSchema,
      projectId: idSchema,
      conclusion: z.enum(FINDING_CONCLUSIONS),
      text: requiredText('检查情况', 500),
    })
    .strict(),
  /** A rectification task for a picked project; its owner is the project's branch secretary. */
  addRectification: z
    .object({
      id: idSchema,
      projectId: idSchema,
      text: requiredText('整改要求', 300),
      deadline: isoDate,
    })
    .strict(),
  /** The branch secretary reports a task done, saying what was done. */
  completeRectification: z.object({ id: idSchema, note: requiredText('整改情况', 500) }).strict(),
  /** The committee confirms a task done: closed. */
  confirmRectification: z.object({ id: idSchema, comment: freeText(500).optional() }).strict(),
  /** The committee sends a task back: open again, with why. */
  reopenRectification: z.object({ id: idSchema, comment: requiredText('退回原因', 500) }).strict(),
  /**
   * 督导记录: one contact with a branch the caller supervises, its findings and photos, and follow-ups each
   * owned by a person of that branch. The request id makes a retried save find the first record.
   */
  createRecord: z
    .object({
      requestId,
      branchId: idSchema,
      projectId: idSchema.optional(),
      method: z.enum(SUPERVISION_METHODS),
      date: isoDate,
      time: clockTime.optional(),
      contactId: idSchema.optional(),
      contactName: freeText(20).optional(),
      findings: requiredText('督导发现的情况', 1000),
      photos,
      followUps: z
        .array(
          z.object({ text: requiredText('跟进事项', 300), ownerId: idSchema, deadline: isoDate }).strict(),
        )
        .max(10, '最多 10 项跟进事项')
        .default([]),
    })
    .strict(),
  /** 督导记录, newest contact first: a supervisor's branches (or one), a secretary's own branch. */
  listRecords: z.object({ branchId: idSchema.optional(), ...pagingSchema }).strict(),
  getRecord: byId,
  /** The owner closes a follow-up with what was done and its photos. */
  closeFollowUp: z
    .object({
      id: idSchema,
      followUpId: idSchema,
      note: requiredText('完成情况', 500),
      photos,
    })
    .strict(),
  /** 年度评价: the ranking of accepted projects, the confirmed 十佳 and 电网先锋 eligibility (committee). */
  evaluation: z.object({ year }).strict(),
  /** Confirms the 十佳精品项目 the caller was shown (rank order); refused if the ranking has changed since. */
  markTopTen: z.object({ year, projectIds: z.array(idSchema).min(1).max(10) }).strict(),
}

export interface AssignmentPerson {
  id: string
  name: string
  title: string
  branchIds: string[]
  /** 定期检查 cadence set for this year and the next (null: none). */
  cadence: { thisYear: InspectionCadence | null; nextYear: InspectionCadence | null }
}

export interface AssignmentsView {
  /** This China year: `cadence.thisYear` is for it, `nextYear` for the one after. */
  year: number
  people: AssignmentPerson[]
  branches: { id: string; name: string }[]
}

export interface AssignmentChange {
  personId: string
  branchId: string
  assigned: boolean
  /** False when it already was so (nothing written, no event). */
  changed: boolean
}

export interface SupervisedProject {
  id: string
  title: string
  status: ProjectStatus
  progress: number
  /** Milestones past their deadline and not approved (China days). */
  overdueMilestones: number
  /** 实施中 with no check-in for 14 days (domain/supervision.ts quietProjects). */
  quiet: boolean
}

export interface SupervisedBranch {
  id: string
  name: string
  /** 实施中 and 待验收 projects, most overdue first. */
  projects: SupervisedProject[]
  running: number
  waitingAcceptance: number
  overdueMilestones: number
  /** Of its running projects, those with no check-in for 14 days. */
  quietProjects: number
  /** The latest 督导记录 of the branch (by anyone): its day and method, or null if never contacted. */
  lastContact: { date: string; method: SupervisionMethod; supervisorName: string } | null
  /** Follow-ups of its records not yet closed. */
  openFollowUps: number
  /** 定期检查 this period when the committee set a cadence for the year, else null. */
  inspection: InspectionDueView | null
}

export interface InspectionDueView {
  cadence: InspectionCadence
  /** 2026年12月, 2026年第四季度…; the period's last China day. */
  periodLabel: string
  periodEnd: string
  /** The China day it was inspected in this period, or null: still due. */
  doneOn: string | null
  daysLeft: number
}

export interface InspectionCoverageView {
  /** YYYY-MM-DD (China) the periods were judged on. */
  today: string
  /** Supervised branches with a cadence this year (a branch with two supervisors counts twice). */
  due: number
  /** Of those, inspected in their current period. */
  checked: number
  /** Per supervisor: their cadence and their figures. */
  supervisors: { id: string; name: string; cadence: InspectionCadence; due: number; checked: number }[]
}

export interface MyBranchesView {
  /** Whether the caller supervises at all (the committee); a secretary gets their own branches. */
  supervisor: boolean
  branches: SupervisedBranch[]
  /** YYYY-MM-DD (China) the overdue counts were judged on. */
  today: string
}

export interface SpotCheckSummary {
  id: string
  createdAt: string
  createdByName: string
  scopeName: string
  size: number
  pickedCount: number
  candidateCount: number
  findingsCount: number
  /** Rectifications not yet confirmed. */
  openRectifications: number
  /** The picked projects' titles, in draw order. */
  projectTitles: string[]
}

export interface FindingView {
  conclusion: FindingConclusion
  text: string
  byName: string
  at: string
}

export interface PickedProjectView {
  id: string
  title: string
  branchId: string
  branchName: string
  /** Now (null if the project is gone). */
  status: ProjectStatus | null
  progress: number | null
  finding: FindingView | null
}

export interface RectificationView {
  id: string
  /** The spot check it came from: its page is where it is reported done and confirmed. */
  spotCheckId: string
  projectId: string
  projectTitle: string
  branchName: string
  text: string
  owner: PersonRef
  /** YYYY-MM-DD */
  deadline: string
  status: RectificationStatus
  overdue: boolean
  note: string
  lastComment: string
  updatedAt: string
  /** What the caller may do with it now. */
  can: RectificationAction[]
  /** 原「某支部」整改，某日并入: the task came with a merged branch; null otherwise. */
  mergedNote: string | null
}

export interface SupervisionEventView {
  id: string
  subjectId: string
  action: SupervisionEventAction
  from: string | null
  to: string | null
  actorName: string
  comment: string
  at: string
}

export interface SpotCheckDetail {
  id: string
  createdAt: string
  createdByName: string
  scopeName: string
  size: number
  algorithm: string
  seed: string
  /** The canonical candidate list recorded at draw time. */
  candidates: string[]
  picked: PickedProjectView[]
  rectifications: RectificationView[]
  /** Newest first. */
  events: SupervisionEventView[]
  /** The committee records findings and adds rectifications. */
  canRecord: boolean
}

export interface DrawVerification {
  matches: boolean
  algorithm: string
  seed: string
  candidateCount: number
  recorded: string[]
  redrawn: string[]
}

export interface RectificationChange {
  id: string
  status: RectificationStatus
  version: number
}

export interface RankedProjectView {
  rank: number
  id: string
  title: string
  branchId: string
  branchName: string
  status: ProjectStatus
  acceptanceTotal: number
  /** Average 1–5 to one decimal; null with no ratings. */
  satisfaction: number | null
  ratingCount: number
  /** Satisfaction counts (at least `rules.minRatings` ratings); else 样本不足 and the score is the acceptance total. */
  satisfactionCounted: boolean
  rankScore: number
  /** Among the confirmed 十佳. */
  topTen: boolean
}

export type IneligibilityKind = 'weak_measures' | 'plan_unfinished' | 'low_satisfaction' | 'no_project'

export interface IneligibilityReason {
  kind: IneligibilityKind
  projectId: string
  projectTitle: string
  /** The reason in words, e.g. “《…》验收得分 65 分，低于 70 分”. */
  text: string
}

export interface BranchEligibilityView {
  branchId: string
  branchName: string
  eligible: boolean
  /** How many of its projects of the year were judged. */
  projects: number
  reasons: IneligibilityReason[]
}

export interface EvaluationRules {
  acceptanceWeight: number
  satisfactionWeight: number
  satisfactionScale: number
  topCount: number
  weakMeasuresBelow: number
  lowSatisfactionBelow: number
  /** 群众满意度 counts from this many ratings up (样本不足 below). */
  minRatings: number
}

export interface EvaluationView {
  year: number
  /** True while the year is not over: plans may still be finished. */
  provisional: boolean
  rules: EvaluationRules
  /** Accepted (closed or archived) projects of the year, best first. */
  ranking: RankedProjectView[]
  /** The top of the ranking now, in order: what markTopTen expects to be sent. */
  proposedTopTen: string[]
  confirmed: { projectIds: string[]; markedByName: string; markedAt: string } | null
  branches: BranchEligibilityView[]
}

export interface TopTenChange {
  year: number
  projectIds: string[]
  changed: boolean
  markedAt: string
}

export interface RecordSummary {
  id: string
  branchId: string
  branchName: string
  projectTitle: string
  method: SupervisionMethod
  /** YYYY-MM-DD, and HH:MM or ''. */
  date: string
  time: string
  contactName: string
  /** The first lines of the findings. */
  findings: string
  supervisorName: string
  followUps: number
  openFollowUps: number
  photoCount: number
  /** 原「某支部」记录，某日并入: the record came with a merged branch; null otherwise. */
  mergedNote: string | null
}

export interface FollowUpView {
  id: string
  text: string
  owner: PersonRef
  /** YYYY-MM-DD */
  deadline: string
  status: FollowUpStatus
  overdue: boolean
  note: string
  photos: string[]
  closedAt: string | null
  /** The caller owns it and it is open. */
  canClose: boolean
}

export interface RecordDetail extends Omit<RecordSummary, 'followUps' | 'openFollowUps' | 'photoCount'> {
  projectId: string | null
  photos: string[]
  followUps: FollowUpView[]
  createdAt: string
}

export interface SupervisionOutputs {
  createRecord: { id: string; created: boolean }
  listRecords: Page<RecordSummary>
  getRecord: RecordDetail
  closeFollowUp: { id: string; followUpId: string; openFollowUps: number; version: number }
  assignments: AssignmentsView
  setAssignment: AssignmentChange
  setCadence: { personId: string; year: number; cadence: InspectionCadence | null; branches: number }
  inspectionCoverage: InspectionCoverageView
  myRectifications: MyRectifications
  myBranches: MyBranchesView
  candidates: { count: number; scopeName: string }
  createSpotCheck: { id: string; created: boolean }
  listSpotChecks: Page<SpotCheckSummary>
  getSpotCheck: SpotCheckDetail
  verifySpotCheck: DrawVerification
  recordFinding: { projectId: string; finding: FindingView }
  addRectification: RectificationChange
  completeRectification: RectificationChange
  confirmRectification: RectificationChange
  reopenRectification: RectificationChange
  evaluation: EvaluationView
  markTopTen: TopTenChange
}

export interface MyRectifications {
  /** Open and overdue first, then waiting for confirmation, then confirmed; by deadline. */
  items: RectificationView[]
  /** Still to be done (待整改). */
  open: number
  /** Of those, past their deadline. */
  overdue: number
}
