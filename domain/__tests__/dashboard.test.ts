import {
  LEAGUE_WEIGHTS,
  completionRate,
  dashboardYears,
  countsOverdue,
  leagueParts,
  leaguePoints,
  leagueScore,
  onTimeRate,
  rankByScore,
  referenceDay,
  weeksEnding,
} from '../dashboard'
import { rollUpDashboards } from '../dashboard-rollup'
import type { RollupInput, RollupMilestone, RollupProject } from '../dashboard-rollup'
import { branchDashboardScope, dashboardListScope, canSeeCompanyDashboard } from '../dashboard-permissions'
import type { Actor } from '../roles'
import type { DashboardFigures } from '../../types/entities-dashboard'

const figures = (over: Partial<DashboardFigures> = {}): DashboardFigures => ({
  projects: 0,
  byStatus: {} as DashboardFigures['byStatus'],
  byCategory: {} as DashboardFigures['byCategory'],
  doneWeight: 0,
  totalWeight: 0,
  onTime: 0,
  considered: 0,
  overdue: 0,
  weeks: Array.from({ length: 12 }, (_, k) => ({ week: `w${k}`, count: 0 })),
  activeMembers: 0,
  month: '2026-11',
  members: 0,
  studySeconds: 0,
  ratingCount: 0,
  ratingSum: 0,
  ...over,
})

describe('rates', () => {
  it('completion is the approved share of the weight, null with no weight', () => {
    expect(completionRate({ doneWeight: 55, totalWeight: 200 })).toBe(27.5)
    expect(completionRate({ doneWeight: 1, totalWeight: 3 })).toBe(33.3)
    expect(completionRate({ doneWeight: 0, totalWeight: 0 })).toBeNull()
  })

  it('on-time is the share of judged milestones approved by their deadline', () => {
    expect(onTimeRate({ onTime: 3, considered: 4 })).toBe(75)
    expect(onTimeRate({ onTime: 0, considered: 0 })).toBeNull()
  })

  it('a milestone is overdue the day after its deadline, while its project runs and it is not approved', () => {
    const m = { status: 'open' as const, deadline: new Date('2026-11-20T00:00:00Z') }
    expect(countsOverdue(m, 'in_progress', '2026-11-20')).toBe(false)
    expect(countsOverdue(m, 'in_progress', '2026-11-21')).toBe(true)
    expect(countsOverdue({ ...m, status: 'submitted' }, 'acceptance_requested', '2026-11-21')).toBe(true)
    expect(countsOverdue({ ...m, status: 'approved' }, 'in_progress', '2026-11-21')).toBe(false)
    expect(countsOverdue(m, 'closed', '2026-11-21')).toBe(false)
    expect(countsOverdue({ ...m, deadline: null }, 'in_progress', '2026-11-21')).toBe(false)
  })
})

describe('filters', () => {
  it('covers this year and the four before it', () => {
    expect(dashboardYears('2026-11-26')).toEqual([2026, 2025, 2024, 2023, 2022])
  })

  it('reads an earlier year at its last day, this year today', () => {
    expect(referenceDay(2026, '2026-11-26')).toBe('2026-11-26')
    expect(referenceDay(2025, '2026-11-26')).toBe('2025-12-31')
  })

  it('shows twelve Mondays ending with this week, across a year end', () => {
    const weeks = weeksEnding('2026-01-07')
    expect(weeks).toHaveLength(12)
    expect(weeks[11]).toBe('2026-01-05')
    expect(weeks[10]).toBe('2025-12-29')
    expect(weeks[0]).toBe('2025-10-20')
  })
})

describe('league score (层层打擂)', () => {
  it('weights add up to 100', () => {
    expect(Object.values(LEAGUE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100)
  })

  it('normalises each part to 0–100 against a fixed yardstick', () => {
    const parts = leagueParts(
      figures({
        doneWeight: 60,
        totalWeight: 100,
        onTime: 4,
        considered: 5,
        members: 10,
        // 60 check-ins by 10 members over 12 weeks: half a check-in per member per week.
        weeks: Array.from({ length: 12 }, (_, k) => ({ week: `w${k}`, count: 5 })),
        // 25 hours among 10 members: 2.5 h each of a 10 h yardstick.
        studySeconds: 25 * 3600,
        ratingCount: 4,
        ratingSum: 18,
      }),
    )
    expect(parts).toEqual({ completion: 60, onTime: 80, checkins: 50, study: 25, satisfaction: 90 })
    // 60×0.30 + 80×0.25 + 50×0.20 + 25×0.15 + 90×0.10
    expect(leagueScore(parts)).toBe(60.8)
    expect(leaguePoints(parts)).toEqual({
      completion: 18,
      onTime: 20,
      checkins: 10,
      study: 3.8,
      satisfaction: 9,
    })
  })

  it('caps a part at 100 and scores a part without data as nothing', () => {
    const parts = leagueParts(
      figures({
        members: 2,
        weeks: Array.from({ length: 12 }, (_, k) => ({ week: `w${k}`, count: 10 })),
        studySeconds: 100 * 3600,
      }),
    )
    expect(parts).toEqual({ completion: null, onTime: null, checkins: 100, study: 100, satisfaction: null })
    expect(leagueScore(parts)).toBe(35)
    expect(leagueParts(figures()).checkins).toBeNull()
  })

  it('ranks best first; equal scores share a rank, listed in organisation order', () => {
    const ranked = rankByScore([
      { id: 'a', score: 50, order: 3 },
      { id: 'b', score: 70, order: 2 },
      { id: 'c', score: 50, order: 1 },
      { id: 'd', score: 10, order: 0 },
    ])
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 2],
      ['d', 4],
    ])
  })
})

describe('rollUpDashboards', () => {
  const project = (id: string, branchId: string, over: Partial<RollupProject> = {}): RollupProject => ({
    _id: id,
    title: id,
    branchId,
    branchName: branchId,
    year: 2026,
    category: 'basic',
    status: 'in_progress',
    rating: { count: 0, sum: 0 },
    ...over,
  })
  const milestone = (
    id: string,
    projectId: string,
    over: Partial<RollupMilestone> = {},
  ): RollupMilestone => ({
    _id: id,
    projectId,
    title: id,
    weight: 50,
    ownerId: 'p1',
    deadline: new Date('2026-11-01T00:00:00Z'),
    status: 'open',
    decidedAt: null,
    ...over,
  })
  const input: RollupInput = {
    today: '2026-11-26',
    branches: [
      { _id: 'b1', name: '一支部', order: 1 },
      { _id: 'b2', name: '二支部', order: 2 },
    ],
    people: [
      { _id: 'p1', name: '甲', branchId: 'b1' },
      { _id: 'p2', name: '乙', branchId: 'b2' },
    ],
    projects: [
      project('x', 'b1'),
      project('y', 'b2', { category: 'service', status: 'closed', rating: { count: 2, sum: 9 } }),
      project('old', 'b1', { year: 2019 }),
    ],
    milestones: [
      milestone('x1', 'x', { status: 'approved', decidedAt: new Date('2026-10-31T20:00:00Z') }),
      milestone('x2', 'x'),
      milestone('y1', 'y', {
        status: 'approved',
        decidedAt: new Date('2026-11-05T02:00:00Z'),
        ownerId: 'p2',
      }),
    ],
    weekCounts: [
      { projectId: 'x', week: '2026-11-23', count: 4 },
      { projectId: 'x', week: '2020-01-06', count: 99 },
    ],
    monthCounts: [
      { projectId: 'x', personId: 'p1', month: '2026-11', count: 4 },
      { projectId: 'y', personId: 'p2', month: '2026-10', count: 1 },
    ],
    memberStudy: new Map([['p1', 3600]]),
    branchStudy: new Map([['b1', 3600]]),
  }
  const out = rollUpDashboards(input)
  const doc = (id: string) => out.rollups.find((r) => r._id === id)

  it('writes the company and every branch under “all”, and the branches of each category present', () => {
    expect(out.rollups.map((r) => r._id).sort()).toEqual(
      [
        '2026:all:company',
        '2026:all:b1',
        '2026:all:b2',
        '2026:basic:company',
        '2026:basic:b1',
        '2026:service:company',
        '2026:service:b2',
      ].sort(),
    )
  })

  it('counts the figures of a scope', () => {
    const all = doc('2026:all:company')?.figures
    expect(all).toMatchObject({
      projects: 2,
      doneWeight: 100,
      totalWeight: 150,
      // x1 approved (Beijing 1 Nov, on its deadline day), y1 approved late, x2 overdue.
      onTime: 1,
      considered: 3,
      overdue: 1,
      activeMembers: 1,
      members: 2,
      studySeconds: 3600,
      ratingCount: 2,
      ratingSum: 9,
    })
    expect(all?.weeks[11]).toEqual({ week: '2026-11-23', count: 4 })
    expect(all?.weeks.reduce((s, w) => s + w.count, 0)).toBe(4)
    expect(doc('2026:all:company')?.overdueTop.map((m) => m.milestoneId)).toEqual(['x2'])
    expect(out.overdue.map((r) => r._id).sort()).toEqual(['2026:all:x2', '2026:basic:x2'])
  })

  it('gives each branch its members’ part and a rank', () => {
    expect(doc('2026:all:b1')?.participation).toEqual([
      {
        personId: 'p1',
        name: '甲',
        checkinsThisMonth: 4,
        studySeconds: 3600,
        milestonesOwned: 2,
        milestonesApproved: 1,
      },
    ])
    const league = out.leagues.find((l) => l.key === '2026:all')
    expect(league?.branchIds).toHaveLength(2)
    expect([...(league?.ranks ?? [])].sort()).toEqual([1, 2])
  })

  it('is pure: the same input gives the same documents and digests', () => {
    expect(rollUpDashboards(input)).toEqual(out)
    // People read in another order (a roster import puts new people last on disk): the same documents.
    const more = [
      ...input.people,
      { _id: 'p0', name: '丙', branchId: 'b1' },
      { _id: 'p9', name: '丁', branchId: 'b1' },
    ]
    expect(rollUpDashboards({ ...input, people: [...more].reverse() })).toEqual(
      rollUpDashboards({ ...input, people: more }),
    )
    // Another day in the same week and month, with the same milestones overdue: nothing to rewrite.
    expect(rollUpDashboards({ ...input, today: '2026-11-27' }).rollups.map((r) => r.digest)).toEqual(
      out.rollups.map((r) => r.digest),
    )
    const changed = rollUpDashboards({ ...input, today: '2026-12-01' })
    expect(changed.rollups.find((r) => r._id === '2026:all:b1')?.digest).not.toBe(doc('2026:all:b1')?.digest)
  })
})

describe('who opens which dashboard', () => {
  const committee: Actor = { _id: 'c', branchId: 'b9', grants: [{ role: 'committee' }] }
  const secretary: Actor = {
    _id: 's',
    branchId: 'b1',
    grants: [
      { role: 'member', branchId: 'b1' },
      { role: 'secretary', branchId: 'b1' },
    ],
  }
  const member: Actor = { _id: 'm', branchId: 'b1', grants: [{ role: 'member', branchId: 'b1' }] }

  it('the company dashboard: the committee only', () => {
    expect(canSeeCompanyDashboard(committee)).toBe(true)
    expect(canSeeCompanyDashboard(secretary)).toBe(false)
    expect(canSeeCompanyDashboard(member)).toBe(false)
  })

  it('a branch dashboard: the committee any named branch, a secretary their own, a member none', () => {
    expect(branchDashboardScope(committee, 'b2')).toEqual({ ok: true, branchId: 'b2' })
    expect(branchDashboardScope(committee, undefined)).toEqual({ ok: false, reason: 'NO_BRANCH' })
    expect(branchDashboardScope(secretary, undefined)).toEqual({ ok: true, branchId: 'b1' })
    expect(branchDashboardScope(secretary, 'b1')).toEqual({ ok: true, branchId: 'b1' })
    expect(branchDashboardScope(secretary, 'b2')).toEqual({ ok: false, reason: 'FOREIGN_BRANCH' })
    expect(branchDashboardScope(member, undefined)).toEqual({ ok: false, reason: 'FORBIDDEN' })
    expect(branchDashboardScope(member, 'b1')).toEqual({ ok: false, reason: 'FORBIDDEN' })
  })

  it('the lists behind the figures: the committee the company, a secretary their branch', () => {
    expect(dashboardListScope(committee, undefined)).toEqual({ ok: true, branchId: null })
    expect(dashboardListScope(secretary, undefined)).toEqual({ ok: true, branchId: 'b1' })
    expect(dashboardListScope(secretary, 'b2')).toEqual({ ok: false, reason: 'FOREIGN_BRANCH' })
    expect(dashboardListScope(member, undefined)).toEqual({ ok: false, reason: 'FORBIDDEN' })
  })
})
