import type { MilestoneStatus, ProjectCategory, ProjectStatus } from './entities'

/** A dashboard's category filter as stored: one of the five, or every category. */
export type CategoryKey = ProjectCategory | 'all'

/** The five parts of a branch's league score (层层打擂), each 0–100; see domain/dashboard.ts. */
export const LEAGUE_PARTS = ['completion', 'onTime', 'checkins', 'study', 'satisfaction'] as const
export type LeaguePart = (typeof LEAGUE_PARTS)[number]

/**
 * What the roll-up counted for one scope (the company, or one branch) and one filter (year, category). Raw
 * counts only: rates and scores are derived from them where they are shown (domain/dashboard.ts).
 */
export interface DashboardFigures {
  projects: number
  byStatus: Record<ProjectStatus, number>
  byCategory: Record<ProjectCategory, number>
  /** Milestone weight of the counted projects (running or finished): all of it, and the approved part. */
  doneWeight: number
  totalWeight: number
  /** Milestones judged for timeliness (deadline passed, or approved), and those approved by their deadline. */
  onTime: number
  considered: number
  overdue: number
  /** Check-ins per week, oldest first: each a Monday (YYYY-MM-DD) and the check-ins of that week. */
  weeks: { week: string; count: number }[]
  /** People with at least one check-in in `month` on the projects counted. */
  activeMembers: number
  month: string
  /** People who belong to the scope (the branch's members; everyone with a branch, for the company). */
  members: number
  /** Study time of the scope's members, from the micro-lecture totals (every year, every category). */
  studySeconds: number
  /** 群众满意度: ratings of the projects counted (1–5 each). */
  ratingCount: number
  ratingSum: number
}

/** One member's part in their branch's work (the secretary's dashboard). */
export interface MemberParticipation {
  personId: string
  name: string
  checkinsThisMonth: number
  studySeconds: number
  milestonesOwned: number
  milestonesApproved: number
}

/** A milestone past its deadline and not approved, as dashboards list it. */
export interface OverdueMilestone {
  milestoneId: string
  title: string
  projectId: string
  projectTitle: string
  branchId: string
  branchName: string
  ownerId: string
  ownerName: string
  /** YYYY-MM-DD */
  deadline: string
  status: MilestoneStatus
}

/**
 * One document of the dashboard roll-up: `_id` is `<year>:<category|all>:company` or `…:<branchId>`, `key`
 * is `<year>:<category|all>`. Branch documents carry the league score and its parts; their place in the league
 * is in the key's league document (DashboardLeague), so a branch moving up is one write for the whole key.
 */
export interface DashboardRollup {
  _id: string
  key: string
  kind: 'company' | 'branch'
  branchId: string | null
  branchName: string
  year: number
  category: CategoryKey
  figures: DashboardFigures
  /** The oldest overdue milestones, at most five (the rest are in dashboard_overdue). */
  overdueTop: OverdueMilestone[]
  /** Branch documents: score 0–100 and its parts (null: no data for that part). Company: null. */
  score: number | null
  parts: Record<LeaguePart, number | null> | null
  /** Company documents: how many branches compete under this key (branch documents: 0). */
  competitors: number
  /** Branch documents: each member of the branch. */
  participation: MemberParticipation[]
  /** A digest of the content: the roll-up rewrites only documents whose digest changed. */
  digest: string
}

/** One overdue milestone under one key (`<year>:<category|all>`); `_id` is `<key>:<milestoneId>`. */
export interface DashboardOverdueRow extends Omit<OverdueMilestone, 'deadline'> {
  _id: string
  key: string
  deadline: Date
  digest: string
}

/** The roll-up's own record, `_id` `run`: when it last ran and the day its figures were judged on. */
export interface DashboardRun {
  _id: 'run'
  /** The figures hold every change written before this moment (the dashboard's 数据截至). */
  at: Date
  /** YYYY-MM-DD (China): deadlines and "this month" were judged on this day. */
  today: string
  ms: number
  written: number
  removed: number
  /** When every document was last recomputed (a run with nothing new recomputes nothing). */
  fullAt?: Date
  /** The last time a committee member asked for a refresh (at most once a minute). */
  refreshedAt?: Date
  /** A round under way: the shards still to do, in order (the first is retried until it is done). */
  pending?: number[]
  round?: DashboardRound | null
  /** When each shard's figures were last known to hold every change (the dashboard's freshness per part). */
  parts?: { at: Date; branches: number }[]
}

/** A roll-up round: every shard (full) or those whose branches changed, then the merge. */
export interface DashboardRound {
  /** The figures will hold every change written before this moment. */
  at: Date
  today: string
  full: boolean
  /** How many runs have started the first pending shard (a shard that keeps failing is put aside after 3). */
  tries: number
  /** Shards put aside this round: their figures are as old as their part says. */
  aside?: number[]
}

/**
 * One key's league (`_id` `league:<key>`, in dashboard_rollups), written by the merge: every branch, best
 * first. One document a key, shaped for its readers: a page of the league is a slice of it, a branch's place
 * an index in it, and a province's first merge writes a few dozen of them instead of a field on every branch
 * document.
 */
export interface DashboardLeague {
  _id: string
  kind: 'league'
  key: string
  /** Branch ids in position order (equal scores in the organisation's order). */
  branchIds: string[]
  /** Each one's rank (1 = best, equal scores share one), in the same order. */
  ranks: number[]
  digest: string
}

/** What one shard hands the merge for one key: its branches' figures added up, and their scores. */
export interface ShardKeyPart {
  key: string
  year: number
  category: CategoryKey
  figures: DashboardFigures
  /** The shard's oldest overdue milestones (at most five): the company's are among them. */
  late: OverdueMilestone[]
  branches: { branchId: string; score: number; order: number }[]
}

/** A shard's part of the company: per key, plus its members and study time (every key's company counts them). */
export interface ShardPart {
  keys: ShardKeyPart[]
  members: number
  studySeconds: number
}

/** The roll-up's split of the branches into shards (`_id` `plan`), made afresh by every full round. */
export interface DashboardPlan {
  _id: 'plan'
  shards: string[][]
  at: Date
}

/** One shard's part (`_id` `part:<n>`). */
export interface DashboardPartDoc {
  _id: string
  shard: number
  at: Date
  today: string
  part: ShardPart
}
