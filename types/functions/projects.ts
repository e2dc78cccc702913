import { z } from 'zod'
import { ACCEPTANCE_METHODS, PROJECT_CATEGORIES, PROJECT_STATUSES, SURVEY_FIELDS } from '../entities'
import type {
  AcceptanceMethod,
  BorrowedFrom,
  MilestoneAction,
  ChecklistItem,
  GuideCategory,
  MilestoneStatus,
  ProjectAction,
  ProjectCategory,
  ProjectStatus,
  ProposalAnswers,
  RubricItem,
  SurveyField,
} from '../entities'
import { freeText, idSchema, pagingSchema } from './common'
import type { MiniCodeView, Page } from './common'

// Limits mirror domain/proposal.ts PROPOSAL_LIMITS (types may not import domain).
const text = (max: number) => freeText(max)
const comment = text(500)
const requiredComment = freeText(500, { required: '请填写意见' })
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const fileId = z.string().min(1).max(300).startsWith('cloud://', '文件编号无效')

const answersSchema = z
  .object({
    what: text(1000),
    why: text(1000),
    who: text(1000),
    how: text(1000),
    when: text(1000),
    extent: text(1000),
  })
  .partial()
  .strict()

const byId = z.object({ id: idSchema }).strict()
const surveyYear = z.number().int().min(2000, '年度无效').max(2100, '年度无效')

const milestoneInput = z
  .object({
    id: idSchema.optional(),
    title: freeText(60, { required: '请填写里程碑名称' }),
    weight: z.number().int().min(0).max(100),
    ownerId: idSchema.nullable(),
    deadline: isoDate.nullable(),
    qualityStandard: text(300),
    expectedGoal: text(300),
  })
  .strict()

const taskInput = z
  .object({
    id: idSchema.optional(),
    title: freeText(60, { required: '请填写任务名称' }),
    assigneeIds: z.array(idSchema).max(50),
    milestones: z.array(milestoneInput).max(20),
  })
  .strict()

export const projectsSchemas = {
  list: z
    .object({
      branchId: idSchema.optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      category: z.enum(PROJECT_CATEGORIES).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      ...pagingSchema,
    })
    .strict(),
  get: byId,
  /** Creates a draft (no id) or saves fields of a draft / returned proposal; partial saves are fine. */
  saveDraft: z
    .object({
      id: idSchema.optional(),
      branchId: idSchema.optional(),
      title: text(60).optional(),
      category: z.enum(PROJECT_CATEGORIES).optional(),
      slogan: text(40).optional(),
      problem: text(500).optional(),
      answers: answersSchema.optional(),
      /** The year's 调研 problems it sets out to solve (replaces those linked before). */
      problemIds: z.array(idSchema).max(5, '最多关联 5 个调研问题').optional(),
    })
    .strict(),
  submit: byId,
  withdraw: z.object({ id: idSchema, comment: comment.optional() }).strict(),
  approve: z.object({ id: idSchema, comment: comment.optional() }).strict(),
  return: z.object({ id: idSchema, comment: requiredComment }).strict(),
  /** Replaces the plan: tasks with their milestones, and the checklist. */
  savePlan: z
    .object({
      id: idSchema,
      tasks: z.array(taskInput).max(30),
      checklist: z
        .array(
          z
            .object({
              id: idSchema.optional(),
              text: freeText(100, { required: '请填写清单内容' }),
              done: z.boolean(),
            })
            .strict(),
        )
        .max(50),
    })
    .strict(),
  start: byId,
  requestAcceptance: z
    .object({
      id: idSchema,
      summary: freeText(2000, { required: '请填写结题总结' }),
      evidence: z.array(fileId).max(9, '最多 9 个附件'),
    })
    .strict(),
  accept: z
    .object({
      id: idSchema,
      scores: z.record(z.string().max(40), z.number().int().min(0).max(100)),
      comment: comment.optional(),
    })
    .strict(),
  returnAcceptance: z.object({ id: idSchema, comment: requiredComment }).strict(),
  /**
   * 结题 evidence: the committee records one method it used (听取汇报, 调查走访, 察看现场) with notes and photos;
   * 调查走访 also how many were visited and what they said. Saving a method again replaces it.
   */
  recordAcceptanceMethod: z
    .object({
      id: idSchema,
      method: z.enum(ACCEPTANCE_METHODS),
      notes: freeText(1000, { required: '请填写验收情况' }),
      photos: z.array(fileId).max(9, '最多 9 张照片').default([]),
      visited: z.number().int().min(1, '走访人数至少 1 人').max(100000).optional(),
      opinion: freeText(500).optional(),
    })
    .strict(),
  archive: byId,
  /** 四公开: readable by any WeChat user, no Party role needed. */
  publicGet: byId,
  /** 四公开海报: the 小程序码 of a public project's page (its branch secretary or the committee). */
  posterCode: byId,
  /** 群众满意度: 1–5, by a WeChat user on no Party roster, once per project, inside the 四公开 window. */
  rate: z
    .object({
      id: idSchema,
      score: z.number().int().min(1, '评分为 1–5').max(5, '评分为 1–5'),
      comment: text(200).optional(),
    })
    .strict(),
  /** 大调研: the year's round and its problems (this year when left out); every registered person reads it. */
  survey: z.object({ year: surveyYear.optional() }).strict(),
  /** The committee opens or closes the year's round. */
  setSurvey: z.object({ year: surveyYear, open: z.boolean() }).strict(),
  /** A member or secretary submits a problem or 短板 of their branch, in a field, while the round is open. */
  submitProblem: z
    .object({
      year: surveyYear,
      text: freeText(200, { required: '请写下问题或短板' }),
      field: z.enum(SURVEY_FIELDS, '请选择所属领域'),
    })
    .strict(),
  /** +1: the problem is theirs too (once per person, never their own). */
  endorseProblem: byId,
  /** The committee marks a problem as key (重点问题) or not, or merges it into another as a duplicate. */
  curateProblem: z
    .object({ id: idSchema, key: z.boolean().optional(), mergeInto: idSchema.optional() })
    .strict()
    .refine((v) => (v.key === undefined) !== (v.mergeInto === undefined), {
      message: '请选择标为重点或合并其中一项',
      path: ['key'],
    }),
  /** 经验交流: a year's confirmed 十佳精品项目 (the latest year with a selection when left out); every member. */
  showcase: z.object({ year: surveyYear.optional() }).strict(),
  /**
   * 借鉴: a secretary starts a new draft of their branch (or the one named) from a showcased project: its title,
   * slogan, problem, goals and plan outline, the source recorded.
   */
  borrow: z.object({ id: idSchema, branchId: idSchema.optional() }).strict(),
  /** 选题指南 of a year (this year when left out): published for everyone, draft and progress for the committee. */
  guide: z.object({ year: surveyYear.optional() }).strict(),
  /** The committee saves the year's guide as a draft, or publishes it (a published guide stays published). */
  saveGuide: z
    .object({
      year: surveyYear,
      categories: z
        .array(
          z
            .object({
              id: z.enum(PROJECT_CATEGORIES),
              label: freeText(12, { required: '请填写类别名称' }),
              note: text(100),
            })
            .strict(),
        )
        .min(1, '至少保留一个项目类别')
        .max(PROJECT_CATEGORIES.length),
      focusFields: z.array(z.enum(SURVEY_FIELDS)).max(SURVEY_FIELDS.length),
      focus: text(500),
      opensOn: isoDate,
      deadline: isoDate,
      publish: z.boolean(),
    })
    .strict(),
  /** The committee tells the secretaries of branches that have not proposed this year (once a day a branch). */
  remindProposals: z.object({ year: surveyYear }).strict(),
}

/** A key problem as the guide lists it. */
export interface GuideProblemView {
  id: string
  text: string
  field: SurveyField
  branchName: string
  count: number
  /** The branches whose proposal takes it up (the committee's view; null for others). */
  takenBy: string[] | null
}

export interface GuideView {
  year: number
  /** Null when none is published (for the committee: none saved yet). */
  guide: {
    categories: GuideCategory[]
    focusFields: SurveyField[]
    focus: string
    opensOn: string
    deadline: string
    published: boolean
    publishedAt: string | null
    /** Published versions, newest first. */
    history: { at: string; byName: string; summary: string }[]
  } | null
  /** The window on today's China day (null without a published guide). */
  window: { state: 'not_open' | 'open' | 'closed'; text: string } | null
  /** The year's key problems (重点问题) of the 调研, not merged away, by +1s. */
  keyProblems: GuideProblemView[]
  canEdit: boolean
  /** The committee's view: which branches have proposed, which have not (and whether told today). */
  progress: {
    branches: number
    proposed: number
    missing: { branchId: string; branchName: string; remindedToday: boolean }[]
    untaken: number
  } | null
}

/** One 十佳 project as the showcase shows it: what it solved, how, what came of it, and its figures. */
export interface ShowcaseProjectView {
  id: string
  rank: number
  title: string
  category: ProjectCategory
  /** What the project's year calls its category. */
  categoryLabel: string
  slogan: string
  problem: string
  branchName: string
  year: number
  /** 目标 (干什么) and 成效 (干到什么程度) as proposed. */
  what: string
  extent: string
  /** The accepted 结题 summary. */
  effect: string
  /** Result photos: 结题 evidence, the committee's 验收 photos, approved milestones' evidence (at most 9). */
  photos: string[]
  outline: { task: string; milestones: string[] }[]
  figures: {
    checkins: number
    /** 培训人次 of the project's branch (微讲坛 study). */
    trainees: number
    milestonesDone: number
    milestones: number
    score: number | null
    ratingCount: number
    ratingAverage: number | null
  }
}

export interface ShowcaseView {
  /** Null when no year has a confirmed selection yet. */
  year: number | null
  /** Years with a confirmed selection, newest first. */
  years: number[]
  items: ShowcaseProjectView[]
  /** Secretaries may 借鉴 a project into a new draft of their branch. */
  borrowable: boolean
}

export interface SurveyProblemView {
  id: string
  text: string
  field: SurveyField
  branchName: string
  authorName: string
  /** +1s, merged duplicates' authors included. */
  count: number
  endorsedByMe: boolean
  mine: boolean
  key: boolean
  merged: { id: string; text: string; branchName: string }[]
  createdAt: string
}

export interface SurveyView {
  year: number
  /** Null until the committee opens the year's round. */
  round: { open: boolean; openedAt: string; closedAt: string | null } | null
  /** Not merged away, key first, then by +1s. */
  problems: SurveyProblemView[]
  /** The committee curates; a person with a branch submits while the round is open. */
  canCurate: boolean
  canSubmit: boolean
}

/** What every view of a project opens with: which it is, its category and stage, and its slogan. */
export interface ProjectHead {
  id: string
  title: string
  category: ProjectCategory
  /** What the project's year calls its category (its published 选题指南's name, else the default). */
  categoryLabel: string
  status: ProjectStatus
  slogan: string
}

export interface ProjectSummary extends ProjectHead {
  branchId: string
  branchName: string
  year: number
  progress: number
  updatedAt: string
}

export interface PersonRef {
  id: string
  name: string
}

export interface MilestoneView {
  id: string
  taskId: string
  title: string
  weight: number
  owner: PersonRef | null
  /** YYYY-MM-DD */
  deadline: string | null
  qualityStandard: string
  expectedGoal: string
  status: MilestoneStatus
}

export interface TaskView {
  id: string
  title: string
  assignees: PersonRef[]
  milestones: MilestoneView[]
}

/** The work on a project the timeline shows beside its state changes: milestone reviews and check-ins. */
export interface ProjectWorkView {
  id: string
  kind: 'milestone' | 'checkin'
  /** A milestone's review step; null for a check-in. */
  action: MilestoneAction | null
  /** The milestone's title, or the task (and milestone) a check-in was on. */
  title: string
  actorName: string
  /** The approver's comment, what was submitted, or what the check-in says. */
  comment: string
  at: string
}

export interface ProjectEventView {
  id: string
  action: ProjectAction
  from: ProjectStatus | null
  to: ProjectStatus
  actorName: string
  comment: string
  at: string
}

/** One acceptance method as recorded by the committee. */
export interface AcceptanceMethodView {
  method: AcceptanceMethod
  notes: string
  photos: string[]
  visited: number | null
  opinion: string
  byName: string
  at: string
}

/** Everything the project page shows, plus what the caller may do next. */
export interface ProjectDetail extends ProjectSummary {
  problem: string
  answers: ProposalAnswers
  owner: PersonRef | null
  version: number
  tasks: TaskView[]
  checklist: ChecklistItem[]
  acceptance: { summary: string; evidence: string[]; requestedAt: string } | null
  /** 结题 evidence recorded so far, in the order 听取汇报, 调查走访, 察看现场. */
  acceptanceMethods: AcceptanceMethodView[]
  score: {
    rubric: RubricItem[]
    scores: Record<string, number>
    total: number
    comment: string
    scoredAt: string
  } | null
  rating: { count: number; average: number | null }
  /** Newest first, at most 50. */
  events: ProjectEventView[]
  /** Newest first: the latest milestone reviews (≤ 50) and check-ins (≤ 30), for the timeline. */
  work: ProjectWorkView[]
  /** Actions the caller may take now (state machine × permissions). */
  can: ProjectAction[]
  /** Labels of proposal fields still empty (blocks submit). */
  missingFields: string[]
  /** The 调研 problems the proposal links to. */
  problemIds: string[]
  /** Those problems in words with their field, as this version of the proposal takes them up. */
  problems: { id: string; text: string; field: SurveyField }[]
  /** Why the plan cannot start yet (五个明确 and tasks). */
  planProblems: string[]
  /** 整改 tasks from spot checks not yet confirmed: for the branch secretary and the committee, else none. */
  rectifications: ProjectRectification[]
  /** 借鉴自: the 十佳 project this one was started from, or null. */
  borrowedFrom: BorrowedFrom | null
}

/** A rectification task as the project page announces it. */
export interface ProjectRectification {
  id: string
  spotCheckId: string
  text: string
  /** YYYY-MM-DD */
  deadline: string
  status: 'open' | 'done'
  overdue: boolean
}

/** The 四公开 page: content, goals and tasks, progress, effect — owners' names and nothing else personal. */
export interface PublicProjectView extends ProjectHead {
  problem: string
  answers: ProposalAnswers
  branchName: string
  year: number
  progress: number
  tasks: {
    title: string
    milestones: { title: string; ownerName: string; deadline: string | null; status: MilestoneStatus }[]
  }[]
  effect: string | null
  rating: {
    count: number
    average: number | null
    mine: { score: number; comment: string } | null
    /** Whether this caller may rate now; else `closed` says why (Party member, window not open or over). */
    canRate: boolean
    closed: string | null
    /** The last day ratings are taken once the project is accepted (YYYY-MM-DD). */
    lastDay: string | null
  }
}

/** What a state change answers. */
export interface ProjectChange {
  id: string
  status: ProjectStatus
  version: number
}

export interface ProjectsOutputs {
  list: Page<ProjectSummary>
  get: ProjectDetail
  saveDraft: ProjectChange & { missingFields: string[] }
  submit: ProjectChange
  withdraw: ProjectChange
  approve: ProjectChange
  return: ProjectChange
  savePlan: ProjectChange & { planProblems: string[] }
  start: ProjectChange
  requestAcceptance: ProjectChange
  accept: ProjectChange
  returnAcceptance: ProjectChange
  recordAcceptanceMethod: ProjectChange
  archive: ProjectChange
  publicGet: PublicProjectView
  posterCode: { code: MiniCodeView }
  rate: { count: number; average: number | null }
  survey: SurveyView
  setSurvey: { year: number; open: boolean }
  submitProblem: { id: string }
  endorseProblem: { id: string; count: number }
  curateProblem: { id: string; key: boolean; mergedInto: string | null }
  showcase: ShowcaseView
  borrow: ProjectChange & { missingFields: string[] }
  guide: GuideView
  /** `told`: the branch secretaries told of a newly published version in 消息 (0 when nothing new was published). */
  saveGuide: { year: number; published: boolean; told: number }
  /** How many branches were told now, how many secretaries, and how many branches were told already today. */
  remindProposals: { branches: number; secretaries: number; alreadyToday: number }
}
