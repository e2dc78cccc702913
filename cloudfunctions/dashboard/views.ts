import {
  LEAGUE_WEIGHTS,
  averageRating,
  completionRate,
  daysOverdue,
  leaguePoints,
  onTimeRate,
} from '../../domain/dashboard'
import { formatDay } from '../../domain/dates'
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../../types/entities'
import type { ProposalGuide } from '../../types/entities'
import { yearCategoryLabels } from '../../domain/guide'
import type {
  DashboardOverdueRow,
  DashboardRollup,
  DashboardRun,
  LeaguePart,
  OverdueMilestone,
} from '../../types/entities-dashboard'
import { LEAGUE_PARTS } from '../../types/entities-dashboard'
import type { Filters } from './filters'
import type { DashboardView, LeagueRow, OverdueItem } from '../../types/functions/dashboard'

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10

export function toOverdueItem(m: OverdueMilestone | DashboardOverdueRow, today: string): OverdueItem {
  const deadline = typeof m.deadline === 'string' ? m.deadline : formatDay(m.deadline)
  return {
    milestoneId: m.milestoneId,
    title: m.title,
    projectId: m.projectId,
    projectTitle: m.projectTitle,
    branchId: m.branchId,
    branchName: m.branchName,
    ownerName: m.ownerName,
    deadline,
    daysOverdue: daysOverdue(deadline, today),
    status: m.status,
  }
}

export function toLeagueRow(
  doc: Pick<DashboardRollup, 'branchId' | 'branchName' | 'score' | 'parts'> & { rank: number },
): LeagueRow {
  const parts = doc.parts ?? ({} as Record<LeaguePart, number | null>)
  const points = leaguePoints(parts)
  return {
    rank: doc.rank,
    branchId: doc.branchId ?? '',
    branchName: doc.branchName,
    score: doc.score ?? 0,
    parts: LEAGUE_PARTS.map((part) => ({
      part,
      value: parts[part] ?? null,
      weight: LEAGUE_WEIGHTS[part],
      points: points[part],
    })),
  }
}

export interface ViewContext {
  scope: DashboardView['scope']
  /** The year and category asked for, the years the dashboards cover, and today (China day). */
  filters: Pick<Filters, 'year' | 'category' | 'years' | 'today'>
  /** The year's published 选题指南, if any: its category names. */
  guide: Pick<ProposalGuide, 'published' | 'categories'> | undefined
  run: DashboardRun | null
  league: { rows: LeagueRow[]; total: number }
}

/** How fresh the roll-up's parts are (see DashboardView.freshness). */
export function freshnessOf(run: DashboardRun | null): DashboardView['freshness'] {
  const parts = run?.parts ?? []
  const times = parts.map((p) => new Date(p.at).getTime()).filter((t) => t > 0)
  return {
    parts: parts.length,
    updating: run?.pending?.length ?? 0,
    oldest: parts.length > 1 && times.length > 0 ? new Date(Math.min(...times)).toISOString() : null,
  }
}

/** A dashboard from its roll-up document; no document (nothing in that year or category) reads as zeroes. */
export function toDashboardView(doc: DashboardRollup | undefined, ctx: ViewContext): DashboardView {
  const f = doc?.figures
  const today = ctx.run?.today ?? ctx.filters.today
  return {
    scope: ctx.scope,
    year: ctx.filters.year,
    category: ctx.filters.category ?? null,
    categoryLabels: yearCategoryLabels(ctx.guide),
    years: ctx.filters.years,
    asOf: ctx.run && new Date(ctx.run.at).getTime() > 0 ? new Date(ctx.run.at).toISOString() : null,
    freshness: freshnessOf(ctx.run),
    today,
    projects: {
      total: f?.projects ?? 0,
      byStatus: PROJECT_STATUSES.map((status) => ({ status, count: f?.byStatus[status] ?? 0 })),
      byCategory: PROJECT_CATEGORIES.map((category) => ({ category, count: f?.byCategory[category] ?? 0 })),
    },
    completion: {
      rate: f ? completionRate(f) : null,
      doneWeight: f?.doneWeight ?? 0,
      totalWeight: f?.totalWeight ?? 0,
    },
    onTime: { rate: f ? onTimeRate(f) : null, onTime: f?.onTime ?? 0, considered: f?.considered ?? 0 },
    overdue: { count: f?.overdue ?? 0, top: (doc?.overdueTop ?? []).map((m) => toOverdueItem(m, today)) },
    weeks: f?.weeks ?? [],
    active: {
      month: f?.month ?? today.slice(0, 7),
      members: f?.members ?? 0,
      activeMembers: f?.activeMembers ?? 0,
    },
    study: {
      hours: hours(f?.studySeconds ?? 0),
      perMember: f && f.members > 0 ? hours(f.studySeconds / f.members) : null,
    },
    satisfaction: { average: f ? averageRating(f) : null, ratings: f?.ratingCount ?? 0 },
    league: ctx.league,
    participation: (doc?.participation ?? [])
      .map((p) => ({
        personId: p.personId,
        name: p.name,
        checkinsThisMonth: p.checkinsThisMonth,
        studyHours: hours(p.studySeconds),
        milestonesOwned: p.milestonesOwned,
        milestonesApproved: p.milestonesApproved,
      }))
      .sort((a, b) => b.checkinsThisMonth - a.checkinsThisMonth || a.personId.localeCompare(b.personId)),
  }
}
