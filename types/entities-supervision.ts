// Supervision (分片督导, 随机抽查, 整改) and the annual evaluation (十佳, 电网先锋), as stored. Re-exported by
// entities.ts.

/**
 * 联系指导 / 分片督导: one committee member assigned to supervise one branch. One document per pair
 * (`<personId>:<branchId>`); unassigning sets `active` false, so the pair's history stays in the events.
 */
export interface SupervisionAssignment {
  _id: string
  personId: string
  branchId: string
  active: boolean
  updatedBy: string
  updatedAt: Date
  /** 定期检查: how often the supervisor inspects this branch, per year (the same on all their branches). */
  inspection?: InspectionPlan[]
}

/** How often a supervisor's branches get a 定期检查 (domain/inspection-cadence.ts cuts the year into periods). */
export const INSPECTION_CADENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const
export type InspectionCadence = (typeof INSPECTION_CADENCES)[number]

/** The cadence the committee set for one year, who set it and from which China day it counts. */
export interface InspectionPlan {
  year: number
  cadence: InspectionCadence
  setById: string
  setByName: string
  /** A period that ended before this day is never overdue. */
  since: string
}

/** What the committee concluded of one project it checked. */
export const FINDING_CONCLUSIONS = ['meets', 'issues'] as const
export type FindingConclusion = (typeof FINDING_CONCLUSIONS)[number]

/** The findings of a spot check on one of its projects (the latest; each save is an event). */
export interface SpotCheckFinding {
  conclusion: FindingConclusion
  text: string
  byId: string
  byName: string
  at: Date
}

/** A project a draw picked, as it was at draw time. */
export interface SpotCheckPick {
  projectId: string
  title: string
  branchId: string
  branchName: string
}

/**
 * 随机抽查: `picked` was drawn from `candidates` (every running project in scope at draw time, sorted and
 * unique) with `seed` by `algorithm` (domain/spot-check-draw.ts), so anyone can draw again and compare.
 */
export interface SpotCheck {
  /** Derived from the committee member and their request id: a retried request finds its draw. */
  _id: string
  requestId: string
  /** How many projects were asked for; fewer are picked when there were fewer candidates. */
  size: number
  scopeBranchId: string | null
  scopeName: string
  algorithm: string
  seed: string
  candidates: string[]
  picked: SpotCheckPick[]
  /** The branches of the picked projects: their secretaries see the check and its rectifications. */
  branchIds: string[]
  /** By project id. */
  findings: Record<string, SpotCheckFinding>
  createdBy: string
  createdByName: string
  createdAt: Date
  updatedAt: Date
}

/** 整改 tracked to closure: open → done (the branch secretary, with a note) → confirmed (the committee). */
export const RECTIFICATION_STATUSES = ['open', 'done', 'confirmed'] as const
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]

export const RECTIFICATION_ACTIONS = ['create', 'complete', 'confirm', 'reopen'] as const
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number]

/** A rectification task a spot check gave a project; its owner is the branch secretary. */
export interface Rectification {
  _id: string
  spotCheckId: string
  projectId: string
  projectTitle: string
  branchId: string
  branchName: string
  text: string
  ownerId: string
  ownerName: string
  /** A China calendar day, stored as UTC midnight of that day. */
  deadline: Date
  status: RectificationStatus
  /** The secretary's note when they marked it done. */
  note: string
  doneBy: string | null
  doneAt: Date | null
  /** The committee's latest comment (on confirming or reopening). */
  lastComment: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
  /** Bumped on every write: two decisions at once cannot both pass. */
  version: number
  /** Set when its branch was merged into another (domain/supervision-merge.ts). */
  mergedFrom?: MergedFromBranch
}

/** The branch a record or task belonged to before that branch was merged into its present one. */
export interface MergedFromBranch {
  branchId: string
  branchName: string
  at: Date
}

export const SUPERVISION_SUBJECTS = ['assignment', 'spot_check', 'rectification', 'evaluation'] as const
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number]

export const SUPERVISION_EVENT_ACTIONS = [
  'assign',
  'unassign',
  'draw',
  'record_finding',
  'create_rectification',
  'complete_rectification',
  'confirm_rectification',
  'reopen_rectification',
  'mark_top_ten',
] as const
export type SupervisionEventAction = (typeof SUPERVISION_EVENT_ACTIONS)[number]

/** An auditable step of supervision or evaluation: who, when, from → to, comment. Never deleted. */
export interface SupervisionEvent {
  _id: string
  subject: SupervisionSubject
  subjectId: string
  /** The spot check a rectification or finding belongs to, so its page reads one index. */
  spotCheckId: string | null
  /** The project a finding or rectification is about: a secretary sees only their branch's. */
  projectId: string | null
  action: SupervisionEventAction
  from: string | null
  to: string | null
  actorId: string
  actorName: string
  comment: string
  at: Date
}

/** One of the 十佳精品项目 as confirmed, with the figures it was ranked by. */
export interface TopTenEntry {
  projectId: string
  title: string
  branchId: string
  branchName: string
  rank: number
  rankScore: number
}

/** The committee's confirmed 十佳精品项目 of a year; `_id` is `top-ten-<year>`. */
export interface TopTenSelection {
  _id: string
  year: number
  entries: TopTenEntry[]
  markedBy: string
  markedByName: string
  markedAt: Date
}

/**
 * How the committee keeps in touch with a branch (the article: 电话调度、定期检查、随机抽查; at 结题 察看现场 and
 * 听取汇报). One 督导记录 per contact names one.
 */
export const SUPERVISION_METHODS = ['phone', 'inspection', 'spot_check', 'site_visit', 'report'] as const
export type SupervisionMethod = (typeof SUPERVISION_METHODS)[number]

export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

/** What the owner showed when closing a follow-up. */
export interface FollowUpEvidence {
  note: string
  photos: string[]
}

/** A follow-up a contact left: someone of the branch owns it until they close it with evidence. */
export interface FollowUp {
  /** Unique within its record. */
  id: string
  text: string
  ownerId: string
  ownerName: string
  /** A China calendar day, stored as UTC midnight of that day. */
  deadline: Date
  status: FollowUpStatus
  evidence: FollowUpEvidence | null
  closedAt: Date | null
}

/**
 * 督导记录: one supervision contact with a branch (or one of its projects), by the committee member who
 * supervises it. The id comes from the supervisor and their request id: a retried save finds the first.
 */
export interface SupervisionRecord {
  _id: string
  requestId: string
  branchId: string
  branchName: string
  projectId: string | null
  projectTitle: string
  method: SupervisionMethod
  /** The China day of the contact, stored as UTC midnight; `time` is HH:MM China time or ''. */
  date: Date
  time: string
  /** Who was contacted: a person of the branch (id) or only a name. */
  contactId: string | null
  contactName: string
  findings: string
  photos: string[]
  followUps: FollowUp[]
  /** Follow-ups not yet closed: the supervisor's page reads this, not the array. */
  openFollowUps: number
  supervisorId: string
  supervisorName: string
  createdAt: Date
  updatedAt: Date
  version: number
  /** Set when its branch was merged into another (domain/supervision-merge.ts). */
  mergedFrom?: MergedFromBranch
}

/**
 * The latest contact with one branch and its open follow-ups, kept beside the records (`_id` = branch id) so
 * a supervisor's page reads one document per branch instead of its whole history.
 */
export interface SupervisionBranchStatus {
  _id: string
  lastDate: Date | null
  lastMethod: SupervisionMethod | null
  lastRecordId: string | null
  lastSupervisorName: string
  /** The latest 定期检查 (its China day). */
  lastInspectionDate: Date | null
  openFollowUps: number
  updatedAt: Date
  /** Branches merged into this one whose status it already holds: a merge step run again adds nothing twice. */
  absorbed?: string[]
}

/** How the committee judged a project at 结题 (the article: 听取汇报、调查走访、察看现场). */
export const ACCEPTANCE_METHODS = ['report', 'survey', 'site_visit'] as const
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number]

/** One acceptance method as the committee recorded it (saving it again replaces it). */
export interface AcceptanceMethodRecord {
  notes: string
  photos: string[]
  /** 调查走访: how many staff or members were visited, and what they said; null and '' otherwise. */
  visited: number | null
  opinion: string
  byId: string
  byName: string
  at: Date
}
