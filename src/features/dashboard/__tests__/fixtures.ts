/** Dashboards as the function answers them, typed by the contract so a contract change breaks the tests loudly. */
import type { DashboardView, LeagueRow, OverdueItem } from '@contract/api'
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '@contract/entities'
import { CATEGORY_LABELS } from '@domain/labels'

export const overdueItem = (id: string, over: Partial<OverdueItem> = {}): OverdueItem => ({
  milestoneId: id,
  title: `现场勘查 ${id}`,
  projectId: 'prj-001',
  projectTitle: '“党建+安全生产”示范岗',
  branchId: 'b-yunwei',
  branchName: '运维部党支部',
  ownerName: '李强',
  deadline: '2026-09-30',
  daysOverdue: 57,
  status: 'open',
  ...over,
})

export const leagueRow = (rank: number, branchId: string, branchName: string, score: number): LeagueRow => ({
  rank,
  branchId,
  branchName,
  score,
  parts: [
    { part: 'completion', value: 60, weight: 30, points: 18 },
    { part: 'onTime', value: 80, weight: 25, points: 20 },
    { part: 'checkins', value: 50, weight: 20, points: 10 },
    { part: 'study', value: 25, weight: 15, points: 3.8 },
    { part: 'satisfaction', value: null, weight: 10, points: 0 },
  ],
})

const counts = <K extends string>(keys: readonly K[], values: Partial<Record<K, number>>) =>
  keys.map((k) => ({ key: k, count: values[k] ?? 0 }))

/** The company's dashboard for 2026: 14 projects, 3 overdue milestones, a league of 8. */
export function companyView(over: Partial<DashboardView> = {}): DashboardView {
  return {
    scope: { kind: 'company' },
    year: 2026,
    category: null,
    categoryLabels: { ...CATEGORY_LABELS },
    years: [2026, 2025, 2024, 2023, 2022],
    asOf: '2026-11-26T12:20:00.000Z',
    freshness: { parts: 1, updating: 0, oldest: null },
    today: '2026-11-26',
    projects: {
      total: 14,
      byStatus: counts(PROJECT_STATUSES, {
        in_progress: 6,
        closed: 3,
        submitted: 1,
        draft: 1,
        returned: 1,
        approved: 1,
        acceptance_requested: 1,
      }).map(({ key, count }) => ({ status: key, count })),
      byCategory: counts(PROJECT_CATEGORIES, {
        basic: 3,
        service: 5,
        innovation: 2,
        theme: 3,
        flagship: 1,
      }).map(({ key, count }) => ({ category: key, count })),
    },
    completion: { rate: 62.5, doneWeight: 500, totalWeight: 800 },
    onTime: { rate: 75, onTime: 15, considered: 20 },
    overdue: {
      count: 7,
      top: [
        overdueItem('m1'),
        overdueItem('m2', { title: '群众走访', daysOverdue: 26, status: 'submitted' }),
      ],
    },
    weeks: Array.from({ length: 12 }, (_, k) => ({
      week: new Date(Date.UTC(2026, 8, 7) + k * 7 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      count: k === 11 ? 23 : k * 2,
    })),
    active: { month: '2026-11', members: 60, activeMembers: 17 },
    study: { hours: 12.5, perMember: 0.2 },
    satisfaction: { average: 4.53, ratings: 73 },
    league: {
      rows: [leagueRow(1, 'b-yingxiao', '营销部党支部', 61.8), leagueRow(2, 'b-yunwei', '运维部党支部', 52)],
      total: 8,
    },
    participation: [],
    ...over,
  }
}

/** 运维部's dashboard: its members' part, and its place in the league. */
export function branchView(over: Partial<DashboardView> = {}): DashboardView {
  return companyView({
    scope: { kind: 'branch', branchId: 'b-yunwei', branchName: '运维部党支部' },
    league: { rows: [leagueRow(3, 'b-yunwei', '运维部党支部', 52)], total: 8 },
    participation: [
      {
        personId: 'p002',
        name: '李强',
        checkinsThisMonth: 9,
        studyHours: 0.2,
        milestonesOwned: 2,
        milestonesApproved: 1,
      },
      {
        personId: 'p003',
        name: '王芳',
        checkinsThisMonth: 3,
        studyHours: 0.1,
        milestonesOwned: 1,
        milestonesApproved: 1,
      },
    ],
    ...over,
  })
}
