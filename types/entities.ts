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
  openid: string
  name: string
  phone: string
  branchId: string | null
  groupId: string | null
  title: string
  grants: RoleGrant[]
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

/** A milestone (里程碑/节点) with the 五个明确: weight (进度), owner, deadline, quality standard, expected goal. */
export interface Milestone {
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
  score: AcceptanceScore | null
  rating: { count: number; sum: number }
  createdAt: Date
  updatedAt: Date
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
  submittedBy: string
  at: Date
}

/** A staff member's satisfaction rating (群众满意度), one per person per project, changeable. */
export interface Rating {
  _id: string
  projectId: string
  openid: string
  score: number
  comment: string
  at: Date
}
