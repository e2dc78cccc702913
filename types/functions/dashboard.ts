import { z } from 'zod'
import { PROJECT_CATEGORIES } from '../entities'
import type { ProjectCategory, ProjectStatus } from '../entities'
import type { LeaguePart, OverdueMilestone } from '../entities-dashboard'
import type { Page } from './common'
import { idSchema, pagingSchema } from './common'

/**
 * The filters every dashboard takes: a year (default this year; the function refuses years outside this year
 * and the four before it) and optionally one category.
 */
const filters = {
  year: z.number().int().min(2000).max(2100).optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
}

export const dashboardSchemas = {
  /** 党委看板: the whole company. Committee only. */
  committee: z.object(filters).strict(),
  /** 支部看板: one branch; a secretary's own (default), any branch for the committee (branchId required). */
  branch: z.object({ ...filters, branchId: idSchema.optional() }).strict(),
  /** Every overdue milestone behind the figure, oldest deadline first: the company's, or one branch's. */
  overdue: z.object({ ...filters, branchId: idSchema.optional(), ...pagingSchema }).strict(),
  /** The whole branch league (层层打擂), best first. Committee only. */
  league: z.object({ ...filters, ...pagingSchema }).strict(),
  /** 立即刷新: roll up what changed since the last run now, at most once a minute. Staff. */
  refresh: z.object({}).strict(),
}

/** What a refresh did: rolled up now, or too soon after the last one (then when it may be asked again). */
export interface RefreshResult {
  refreshed: boolean
  /** Nothing had changed since the last roll-up, so nothing was recomputed. */
  unchanged: boolean
  asOf: string | null
  /** ISO time from which another refresh is taken (a minute after the last). */
  nextAt: string
}

/** A milestone past its deadline, not approved, its project still under way. */
export interface OverdueItem extends Omit<OverdueMilestone, 'ownerId'> {
  daysOverdue: number
}

/** One part of a league score: its value 0–100 (null: nothing to judge yet), its weight, the points it gives. */
export interface LeaguePartView {
  part: LeaguePart
  value: number | null
  weight: number
  points: number
}

/** One branch in the league (层层打擂). */
export interface LeagueRow {
  rank: number
  branchId: string
  branchName: string
  /** 0–100, one decimal: the sum of the parts' points. */
  score: number
  parts: LeaguePartView[]
}

/** A member's part in their branch's work this year (支部看板). */
export interface ParticipationRow {
  personId: string
  name: string
  checkinsThisMonth: number
  studyHours: number
  milestonesOwned: number
  milestonesApproved: number
}

/** The figures of one dashboard. Rates are 0–100 with one decimal, or null when there is nothing to rate. */
export interface DashboardView {
  scope: { kind: 'company' } | { kind: 'branch'; branchId: string; branchName: string }
  year: number
  category: ProjectCategory | null
  /** What the year calls each category: its published 选题指南's names, else the defaults (yearCategoryLabels). */
  categoryLabels: Record<ProjectCategory, string>
  /** The years one may pick, newest first. */
  years: number[]
  /** When the figures were rolled up (ISO), or null before the first roll-up. */
  asOf: string | null
  /**
   * A large company's roll-up goes in parts (shards of branches): how many, how many a round under way has
   * still to do, and when the oldest part last held every change (ISO; null in one piece or before the first).
   */
  freshness: { parts: number; updating: number; oldest: string | null }
  /** The day deadlines were judged on (YYYY-MM-DD). */
  today: string
  projects: {
    total: number
    byStatus: { status: ProjectStatus; count: number }[]
    byCategory: { category: ProjectCategory; count: number }[]
  }
  completion: { rate: number | null; doneWeight: number; totalWeight: number }
  onTime: { rate: number | null; onTime: number; considered: number }
  overdue: { count: number; top: OverdueItem[] }
  /** Check-ins per week, oldest first; `week` is the Monday (YYYY-MM-DD). */
  weeks: { week: string; count: number }[]
  /** People with a check-in in `month` (YYYY-MM), of `members` in scope. */
  active: { month: string; members: number; activeMembers: number }
  /** Micro-lecture study of the scope's members, all years and categories. */
  study: { hours: number; perMember: number | null }
  satisfaction: { average: number | null; ratings: number }
  /** Committee: the top of the league. Branch: its own row (and `total` branches competing). */
  league: { rows: LeagueRow[]; total: number }
  /** Branch: each member's part, most check-ins first. Company: empty. */
  participation: ParticipationRow[]
}

export interface DashboardOutputs {
  committee: DashboardView
  branch: DashboardView
  overdue: Page<OverdueItem> & { asOf: string | null }
  league: Page<LeagueRow> & { asOf: string | null }
  refresh: RefreshResult
}
