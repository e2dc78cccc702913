import type { AcceptanceMethod, AcceptanceMethodRecord } from './entities-supervision'

/** Role code names; labelled in Chinese once, in domain/labels.ts. */
export type Role = 'member' | 'secretary' | 'committee'

export const ROLES: readonly Role[] = ['member', 'secretary', 'committee']

/** Exactly the five project categories of the seed article. */
export const PROJECT_CATEGORIES = ['basic', 'service', 'innovation', 'theme', 'flagship'] as const
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]

/** Lifecycle states of a project (选题 → 答题 → 结题). */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export type OrgUnitKind = 'committee' | 'general_branch' | 'branch'

/** 党委 / 党总支 / 党支部. Branches point at their parent unit. */
export interface OrgUnit {
  _id: string
  kind: OrgUnitKind
  name: string
  parentId: string | null
  order: number
}

/** 党小组 inside a branch. */
export interface PartyGroup {
  _id: string
  branchId: string
  name: string
  leaderId: string | null
}

/** A role held by a person: member and secretary are scoped to a branch, committee to the whole company. */
export type RoleGrant =
  { role: 'member'; branchId: string } | { role: 'secretary'; branchId: string } | { role: 'committee' }

/** A person as stored. `openid` and `phone` never leave the server except to those allowed. */
export interface Person {
  _id: string
  /** '' until the member binds their WeChat (an imported roster has no openids). */
  openid: string
  name: string
  phone: string
  /** 工号, when the roster had one: what re-imports match on first. */
  employeeNo?: string
  branchId: string | null
  groupId: string | null
  title: string
  grants: RoleGrant[]
  /** Where they were before each move between branches or groups (组织管理), oldest first. */
  branchHistory?: { branchId: string | null; groupId: string | null; until: Date }[]
}

/** One change of the organisation (组织管理), kept for audit: who did what to which unit, group or person. */
export interface OrgEvent {
  _id: string
  action: string
  actorId: string
  actorName: string
  /** The unit, group or person changed, and any other they concern (a merge's both sides, a successor). */
  targetIds: string[]
  /** What it was and what it became, in words, and any counts moved. */
  summary: string
  detail: Record<string, unknown>
  at: Date
}

/** The six answers every proposal gives (做什么 / 为什么做 / 谁来做 / 怎么做 / 何时做 / 做到什么程度). */
export const ANSWER_KEYS = ['what', 'why', 'who', 'how', 'when', 'extent'] as const
export type AnswerKey = (typeof ANSWER_KEYS)[number]
export type ProposalAnswers = Record<AnswerKey, string>

/** The proposal (立项表): what a secretary drafts and the committee approves. */
export interface Proposal {
  title: string
  category: ProjectCategory
  slogan: string
  problem: string
  answers: ProposalAnswers
}

/** A task of the plan (任务分解), assigned down to members; its milestones live in their own collection. */
export interface PlanTask {
  id: string
  title: string
  assigneeIds: string[]
}

/** One line of the project's checklist (清单式管理). */
export interface ChecklistItem {
  id: string
  text: string
  done: boolean
}

export const MILESTONE_STATUSES = ['open', 'submitted', 'approved', 'returned'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

/** Where a milestone's review stands, kept on the milestone so the approval inbox reads one collection. */
export interface MilestoneReview {
  /** How many times it has been submitted: a resubmission after a return starts round 2, and so on. */
  round: number
  submittedBy: string | null
  submittedAt: Date | null
  /** The latest submission: what was done, and its evidence (cloud file ids). */
  description: string
  evidence: string[]
  decidedBy: string | null
  decidedAt: Date | null
  /** The comment of the latest approval or return; a returned milestone shows it to its owner. */
  lastComment: string
}

/** A milestone (里程碑/节点) with the 五个明确: weight (进度), owner, deadline, quality standard, expected goal. */
export interface Milestone extends MilestoneReview {
  _id: string
  projectId: string
  branchId: string
  taskId: string
  order: number
  title: string
  weight: number
  ownerId: string
  deadline: Date | null
  qualityStandard: string
  expectedGoal: string
  status: MilestoneStatus
  updatedAt: Date
}

/** One item of the acceptance rubric, stored with the project when it is scored. */
export interface RubricItem {
  key: string
  label: string
  max: number
}

export interface AcceptanceRequest {
  summary: string
  evidence: string[]
  requestedBy: string
  requestedAt: Date
}

export interface AcceptanceScore {
  rubric: RubricItem[]
  scores: Record<string, number>
  total: number
  comment: string
  scoredBy: string
  scoredAt: Date
}

/** A party-building project: the proposal, its plan, and where it is in the lifecycle. */
export interface Project extends Proposal {
  _id: string
  branchId: string
  /** Denormalised so a page of projects needs no second read; branch names rarely change. */
  branchName: string
  year: number
  status: ProjectStatus
  ownerId: string
  progress: number
  /** Bumped on every write: the guard for concurrent approvals (conditional update on version). */
  version: number
  tasks: PlanTask[]
  checklist: ChecklistItem[]
  /** Who sent the proposal or acceptance request now waiting; nobody approves their own submission. */
  submittedBy: string | null
  acceptance: AcceptanceRequest | null
  /** 结题 evidence: the methods the committee used, each once (absent on projects never reviewed so). */
  acceptanceMethods?: Partial<Record<AcceptanceMethod, AcceptanceMethodRecord>>
  score: AcceptanceScore | null
  rating: { count: number; sum: number }
  /** 借鉴: the 十佳 showcase project this draft was started from (absent on drafts written from scratch). */
  borrowedFrom?: BorrowedFrom
  /** The 调研 problems of its year the proposal sets out to solve (以问题为导向); absent on older projects. */
  problemIds?: string[]
  createdAt: Date
  updatedAt: Date
}

/** Where a 借鉴 draft came from, and the source's plan as an outline to adapt (tasks and their milestones). */
export interface BorrowedFrom {
  projectId: string
  title: string
  branchName: string
  year: number
  /** The source's 十佳 rank in its year. */
  rank: number
  outline: { task: string; milestones: string[] }[]
}

export const PROJECT_ACTIONS = [
  'create',
  'edit',
  'submit',
  'withdraw',
  'approve',
  'return',
  'save_plan',
  'start',
  'request_acceptance',
  'accept',
  'return_acceptance',
  'archive',
] as const
export type ProjectAction = (typeof PROJECT_ACTIONS)[number]

/** An auditable event: who, when, from → to, comment. Never deleted. */
export interface ProjectEvent {
  _id: string
  projectId: string
  action: ProjectAction
  from: ProjectStatus | null
  to: ProjectStatus
  actorId: string
  actorName: string
  comment: string
  at: Date
}

/** A snapshot of the proposal each time it is submitted: every version is kept. */
export interface ProposalVersion {
  _id: string
  projectId: string
  version: number
  proposal: Proposal
  /** The survey problems (调研问题) the proposal took up when this version was sent. */
  problemIds: string[]
  submittedBy: string
  at: Date
}

/** A staff member's satisfaction rating (群众满意度): one per WeChat user per project, final (domain/ratings). */
export interface Rating {
  _id: string
  projectId: string
  openid: string
  score: number
  comment: string
  at: Date
}

export const MILESTONE_ACTIONS = ['submit', 'approve', 'return'] as const
export type MilestoneAction = (typeof MILESTONE_ACTIONS)[number]

/** One step of a milestone's review (submit / approve / return). Every round is kept, never overwritten. */
export interface MilestoneRecord {
  _id: string
  milestoneId: string
  projectId: string
  branchId: string
  round: number
  action: MilestoneAction
  from: MilestoneStatus
  to: MilestoneStatus
  actorId: string
  actorName: string
  /** Submit: what was done, and its evidence. */
  description: string
  evidence: string[]
  /** Approve / return: the approver's comment. */
  comment: string
  at: Date
}

/** Where a deadline stands for someone looking at it today (days are China calendar days). */
export const DUE_STATES = ['overdue', 'due_soon', 'normal', 'no_deadline', 'done'] as const
export type DueState = (typeof DUE_STATES)[number]

/** Where a check-in was made, when the member chose to share it. */
export interface CheckinPlace {
  name: string
  latitude: number
  longitude: number
}

/** A member's record of work on a task (打卡/写实). Titles are copied in, so history needs no other read. */
export interface Checkin {
  /** Derived from the person and their client-generated request id: a retried request finds its record. */
  _id: string
  requestId: string
  /** The member's nth check-in (1, 2, …): the order their running figures were updated in. */
  seq: number
  personId: string
  personName: string
  /** The project's branch: branch figures count the work done for it. */
  branchId: string
  projectId: string
  projectTitle: string
  taskId: string
  taskTitle: string
  milestoneId: string | null
  milestoneTitle: string | null
  text: string
  /** Cloud file ids, at most nine. */
  photos: string[]
  /** When the work was done, as the member says (not in the future, at most a few weeks back). */
  at: Date
  /** The China calendar day of `at`: streaks count these. */
  day: string
  place: CheckinPlace | null
  createdAt: Date
  /**
   * False until its counters are taken in: they move outside the check-in's transaction, so that a branch
   * checking in at once does not contend on shared documents. Whoever flips it to true adds to them.
   */
  counted?: boolean
  /**
   * Set when its author withdrew it (撤回, within 24 hours): it stays stored, shown to the secretary as
   * withdrawn, and no longer counts anywhere (domain/checkin-correction.ts).
   */
  withdrawnAt?: Date | null
  /** False from the withdrawal until it is taken out of every counter and figure; then true. */
  withdrawnCounted?: boolean
  /** Earlier versions, oldest first: what it said before each edit (the secretary sees them). */
  versions?: CheckinVersion[]
  /** The latest edit. */
  editedAt?: Date
  /** How many times it was edited: an edit holds only over the version it read. */
  edits?: number
}

/** What a check-in said before one edit. */
export interface CheckinVersion {
  text: string
  photos: string[]
  place: CheckinPlace | null
  /** Until when it said this (the edit that replaced it). */
  until: Date
}

/** A member's running check-in figures. */
export interface CheckinStats {
  /** Check-ins numbered so far (each check-in's `seq`), withdrawn ones included: see `withdrawn`. */
  total: number
  /** Consecutive days up to `lastDay`. */
  streak: number
  longestStreak: number
  /** YYYY-MM-DD (China) of the latest day checked in. */
  lastDay: string | null
  /** How many of `total` their authors withdrew (absent: none); streaks and days count only the rest. */
  withdrawn?: number
}

/** A member's figures as stored: one document per person, `_id` = the person's id. */
export interface CheckinStatsDoc extends CheckinStats {
  _id: string
}

export const COUNTER_SCOPES = [
  'project',
  'task',
  'milestone',
  'branch',
  'project_week',
  'member_month',
] as const
export type CounterScope = (typeof COUNTER_SCOPES)[number]

/**
 * How many check-ins a project, task, milestone or branch has; `_id` is `<scope>:<id>`. The dashboard's
 * counters also say what they count, so a roll-up can find them by week or month: `project_week` (a project's
 * check-ins in the China week starting Monday `week`) and `member_month` (one member's on one project in `month`).
 */
export interface CheckinCount {
  _id: string
  scope: CounterScope
  count: number
  projectId?: string
  branchId?: string
  personId?: string
  /** YYYY-MM-DD, a Monday. */
  week?: string
  /** YYYY-MM. */
  month?: string
}

export * from './entities-community'
export * from './entities-reminders'
export * from './entities-supervision'

/** What search finds: 项目, 党员, 微党课, 党小组动态. */
export const SEARCH_KINDS = ['project', 'person', 'lecture', 'post'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** The fields a 调研 problem belongs to (the article's five lines of work). */
export const SURVEY_FIELDS = ['safety', 'efficiency', 'innovation', 'team', 'harmony'] as const
export type SurveyField = (typeof SURVEY_FIELDS)[number]

/** 大调研: the committee's yearly round collecting the problems and 短板 at the grassroots (one per year). */
export interface SurveyRound {
  _id: string
  year: number
  open: boolean
  openedBy: string
  openedAt: Date
  closedAt: Date | null
}

/** A problem or 短板 submitted in a 调研 round, with its field and the submitter's branch. */
export interface SurveyProblem {
  _id: string
  year: number
  text: string
  field: SurveyField
  branchId: string
  branchName: string
  authorId: string
  authorName: string
  /** Who +1'd it (the author never), merged duplicates' authors and endorsers included. */
  endorsers: string[]
  /** The committee marked it as one that matters (重点问题). */
  key: boolean
  /** Set when the committee merged it into another as a duplicate: it is then shown only there. */
  mergedInto: string | null
  /** The texts of the duplicates merged into it. */
  merged: { id: string; text: string; branchName: string }[]
  createdAt: Date
}

/** One category of a year's 选题指南: a fixed id (projects keep it), and the year's own name and note. */
export interface GuideCategory {
  id: ProjectCategory
  label: string
  note: string
}

/** What a 选题指南 says besides its key problems, which are read live from the year's 调研. */
export interface GuideContent {
  /** The categories proposals of the year choose from (a subset of the five, renamed as the committee likes). */
  categories: GuideCategory[]
  focusFields: SurveyField[]
  /** 重点方向, in the committee's words. */
  focus: string
  /** The proposal window (立项申报), China days YYYY-MM-DD, both included. */
  opensOn: string
  deadline: string
}

/** A published version of a guide, kept when it changes (history). */
export interface GuideRevision extends GuideContent {
  at: Date
  byName: string
  /** What changed from the version before, in words. */
  summary: string
}

/** 选题指南: the committee's guide for a year's proposals (`guide-<year>`, one per year). */
export interface ProposalGuide extends GuideContent {
  _id: string
  year: number
  published: boolean
  publishedAt: Date | null
  updatedBy: string
  updatedAt: Date
  /** Every published version, oldest first. */
  history: GuideRevision[]
  /** The China day each branch was last reminded to propose (branch id → YYYY-MM-DD). */
  remindedOn?: Record<string, string>
}
