import type { EvaluatedProject } from '../evaluation'
import {
  branchEligibility,
  chinaYearEnd,
  ineligibilityReasons,
  proposedTopTen,
  rankProjects,
  rankScore,
  satisfactionCounts,
} from '../evaluation'
import { EVALUATION_CONFIG } from '../evaluation-config'

const YEAR = 2026
const AFTER_YEAR = new Date('2027-01-15T00:00:00Z')
const IN_YEAR = new Date('2026-11-15T00:00:00Z')

function project(id: string, over: Partial<EvaluatedProject> = {}): EvaluatedProject {
  return {
    _id: id,
    title: `项目${id}`,
    branchId: 'b1',
    branchName: '运维部党支部',
    status: 'closed',
    progress: 100,
    rating: { count: 10, sum: 46 },
    score: { total: 90, scoredAt: new Date('2026-10-01T00:00:00Z') },
    ...over,
  }
}

describe('rankScore', () => {
  it.each([
    ['acceptance and counted satisfaction, 80/20', 90, 4.6, 90.4],
    ['full marks', 100, 5, 100],
    ['another', 77, 4.3, 78.8],
    // Issue 17: a newly accepted project with no counted ratings scored 72.8 against 90+; now its satisfaction
    // is 样本不足 and the acceptance weight is rescaled to the whole.
    ['样本不足: the acceptance total alone', 91, null, 91],
  ])('%s', (_case, total, satisfaction, expected) => {
    expect(rankScore(total, satisfaction)).toBe(expected)
  })

  it('follows the configuration', () => {
    const even = { ...EVALUATION_CONFIG, acceptanceWeight: 0.5, satisfactionWeight: 0.5 }
    expect(rankScore(80, 4, even)).toBe(80)
    expect(rankScore(80, 5, even)).toBe(90)
  })
})

describe('群众满意度 counts from 10 ratings up', () => {
  it.each([
    [0, false],
    [9, false],
    [10, true],
    [25, true],
  ])('%i ratings → counts: %s', (count, counts) => {
    expect(satisfactionCounts({ count })).toBe(counts)
  })

  it('ranks a project with 9 ratings on its acceptance total and says so', () => {
    const [r] = rankProjects([
      project('p', { rating: { count: 9, sum: 18 }, score: { total: 88, scoredAt: IN_YEAR } }),
    ])
    expect(r).toMatchObject({ satisfaction: 2, ratingCount: 9, satisfactionCounted: false, rankScore: 88 })
  })

  it('a few low ratings from throwaway accounts neither sink the score nor take eligibility', () => {
    const swung = project('p', { rating: { count: 3, sum: 3 } })
    expect(rankProjects([swung])[0].rankScore).toBe(90)
    expect(ineligibilityReasons(swung, YEAR, AFTER_YEAR)).toEqual([])
  })
})

describe('rankProjects', () => {
  it('ranks accepted projects best first; ties by acceptance total, then id; others left out', () => {
    const ranked = rankProjects([
      project('c', { score: { total: 80, scoredAt: IN_YEAR }, rating: { count: 10, sum: 50 } }),
      project('a', { score: { total: 90, scoredAt: IN_YEAR } }),
      project('b', { score: { total: 90, scoredAt: IN_YEAR } }),
      project('d', { status: 'in_progress', score: null }),
      project('e', { status: 'acceptance_requested', score: null }),
    ])
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ])
  })

  it('proposes the first ten as 十佳', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      project(`p${String(i).padStart(2, '0')}`, { score: { total: 99 - i, scoredAt: IN_YEAR } }),
    )
    expect(proposedTopTen(rankProjects(many))).toEqual(many.slice(0, 10).map((p) => p._id))
  })
})

describe('取消评先评优资格 (工作措施不力、未完成项目计划、群众满意率低), judged on what the branch did', () => {
  const kinds = (p: EvaluatedProject, asOf: Date) => ineligibilityReasons(p, YEAR, asOf).map((r) => r.kind)

  it.each<[string, Partial<EvaluatedProject>, Date, string[]]>([
    ['accepted with a good score and counted satisfaction', {}, AFTER_YEAR, []],
    [
      '工作措施不力: acceptance scored below 70',
      { score: { total: 65, scoredAt: IN_YEAR } },
      AFTER_YEAR,
      ['weak_measures'],
    ],
    ['a score of exactly 70 is not weak', { score: { total: 70, scoredAt: IN_YEAR } }, AFTER_YEAR, []],
    // Issue 17: the 2025 十佳 #1 and #2 were flagged unfinished because the committee scored them in January.
    [
      'accepted, the committee scoring it after the year end: finished',
      { score: { total: 95, scoredAt: new Date('2027-01-10T00:00:00Z') } },
      AFTER_YEAR,
      [],
    ],
    [
      '未完成项目计划: still running when the year is over',
      { status: 'in_progress', progress: 60, score: null, rating: { count: 0, sum: 0 } },
      AFTER_YEAR,
      ['plan_unfinished'],
    ],
    [
      'waiting for acceptance when the year is over',
      { status: 'acceptance_requested', score: null, rating: { count: 0, sum: 0 } },
      AFTER_YEAR,
      ['plan_unfinished'],
    ],
    // Issue 17: in 2026 only the branches with no project were eligible, every running project counting as
    // unfinished while the year still ran.
    [
      'still running while the year runs: nothing unfinished yet',
      { status: 'in_progress', progress: 60, score: null, rating: { count: 0, sum: 0 } },
      IN_YEAR,
      [],
    ],
    [
      '群众满意率低: 3.5 of 5 from 10 ratings',
      { rating: { count: 10, sum: 35 } },
      AFTER_YEAR,
      ['low_satisfaction'],
    ],
    [
      'below 4.0 but only 9 ratings: 样本不足, not held against it',
      { rating: { count: 9, sum: 18 } },
      AFTER_YEAR,
      [],
    ],
    [
      'all three at once',
      { status: 'closed', score: { total: 60, scoredAt: IN_YEAR }, rating: { count: 12, sum: 36 } },
      AFTER_YEAR,
      ['weak_measures', 'low_satisfaction'],
    ],
  ])('%s', (_case, over, asOf, expected) => {
    expect(kinds(project('p', over), asOf)).toEqual(expected)
  })

  it('says each reason in words', () => {
    const [r] = ineligibilityReasons(project('p', { rating: { count: 10, sum: 35 } }), YEAR, AFTER_YEAR)
    expect(r.text).toBe('《项目p》群众满意度 3.5 分（10 人评价），低于 4.0 分')
  })

  it('ends the year at midnight China time', () => {
    expect(chinaYearEnd(2026).toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })
})

describe('branchEligibility', () => {
  const branches = [
    { id: 'b1', name: '运维部党支部' },
    { id: 'b2', name: '营销部党支部' },
    { id: 'b3', name: '机关党支部' },
  ]

  it('a branch with no project is not eligible: no project, no 评先', () => {
    const view = branchEligibility(
      branches,
      [project('p1'), project('p2', { branchId: 'b2', score: { total: 60, scoredAt: IN_YEAR } })],
      YEAR,
      AFTER_YEAR,
    )
    expect(view.map((b) => [b.branchId, b.eligible, b.reasons.map((r) => r.kind)])).toEqual([
      ['b1', true, []],
      ['b2', false, ['weak_measures']],
      ['b3', false, ['no_project']],
    ])
    expect(view[2].reasons[0].text).toBe('2026 年没有获批立项的党建项目，无项目不得评先')
  })

  it('mid-year, branches working on approved projects keep their eligibility', () => {
    const running = [
      project('p1', { status: 'in_progress', score: null, rating: { count: 0, sum: 0 } }),
      project('p2', { branchId: 'b2', status: 'approved', score: null, rating: { count: 0, sum: 0 } }),
    ]
    expect(branchEligibility(branches, running, YEAR, IN_YEAR).map((b) => b.eligible)).toEqual([
      true,
      true,
      false,
    ])
  })

  it('judges only approved projects: a draft or a returned proposal is no project', () => {
    const view = branchEligibility(
      branches,
      [project('p1', { status: 'draft', score: null })],
      YEAR,
      AFTER_YEAR,
    )
    expect(view[0]).toMatchObject({ eligible: false, projects: 0, reasons: [{ kind: 'no_project' }] })
  })
})
