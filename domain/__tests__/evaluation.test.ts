import type { EvaluatedProject } from '../evaluation'
import {
  branchEligibility,
  chinaYearEnd,
  ineligibilityReasons,
  proposedTopTen,
  rankProjects,
  rankScore,
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
    returnedAcceptance: false,
    ...over,
  }
}

describe('rankScore', () => {
  it('is 80% of the acceptance total plus 20% of satisfaction × 20, to two decimals', () => {
    expect(rankScore(90, 4.6)).toBe(90.4) // 72 + 18.4
    expect(rankScore(100, 5)).toBe(100)
    expect(rankScore(77, 4.3)).toBe(78.8) // 61.6 + 17.2
    expect(rankScore(85, null)).toBe(68) // nobody rated: satisfaction counts 0
  })

  it('follows the configuration', () => {
    const even = { ...EVALUATION_CONFIG, acceptanceWeight: 0.5, satisfactionWeight: 0.5 }
    expect(rankScore(80, 4, even)).toBe(80)
  })
})

describe('rankProjects', () => {
  it('ranks accepted projects by score, ties by acceptance total then id, and leaves out the rest', () => {
    const ranked = rankProjects([
      project('a', { score: { total: 90, scoredAt: new Date() }, rating: { count: 1, sum: 4 } }), // 72+16=88
      project('b', { score: { total: 80, scoredAt: new Date() }, rating: { count: 1, sum: 5 } }), // 64+20=84
      project('c', { score: { total: 85, scoredAt: new Date() }, rating: { count: 2, sum: 9 } }), // 68+18=86
      project('d', { score: { total: 95, scoredAt: new Date() }, rating: { count: 0, sum: 0 } }), // 76
      project('e', {
        status: 'archived',
        score: { total: 90, scoredAt: new Date() },
        rating: { count: 1, sum: 4 },
      }),
      project('f', { status: 'in_progress', score: null }),
      project('g', { status: 'acceptance_requested', score: null }),
      // i ties with d (76) on a lower total: d first; e ties with a (88) on the same total: by id.
      project('h', { score: { total: 75, scoredAt: new Date() }, rating: { count: 4, sum: 20 } }), // 60+20=80
      project('i', { score: { total: 70, scoredAt: new Date() }, rating: { count: 1, sum: 5 } }), // 56+20=76
    ])
    expect(ranked.map((r) => [r.rank, r.id, r.rankScore])).toEqual([
      [1, 'a', 88],
      [2, 'e', 88],
      [3, 'c', 86],
      [4, 'b', 84],
      [5, 'h', 80],
      [6, 'd', 76],
      [7, 'i', 76],
    ])
    expect(ranked[5]).toMatchObject({ satisfaction: null, ratingCount: 0, acceptanceTotal: 95 })
  })

  it('proposes the first ten, in rank order', () => {
    const many = Array.from({ length: 14 }, (_, k) =>
      project(`p${String(k).padStart(2, '0')}`, { score: { total: 60 + k, scoredAt: new Date() } }),
    )
    const top = proposedTopTen(rankProjects(many))
    expect(top).toHaveLength(10)
    expect(top[0]).toBe('p13')
    expect(top[9]).toBe('p04')
  })
})

describe('电网先锋 eligibility', () => {
  it('takes it away for weak measures: an acceptance returned, or a total below 70', () => {
    expect(ineligibilityReasons(project('a', { returnedAcceptance: true }), YEAR, AFTER_YEAR)).toEqual([
      { kind: 'weak_measures', projectId: 'a', projectTitle: '项目a', text: '《项目a》结题验收被退回整改' },
    ])
    expect(
      ineligibilityReasons(
        project('a', { score: { total: 65, scoredAt: new Date('2026-10-01') } }),
        YEAR,
        AFTER_YEAR,
      ).map((r) => r.text),
    ).toEqual(['《项目a》验收得分 65 分，低于 70 分'])
    expect(
      ineligibilityReasons(
        project('a', { score: { total: 70, scoredAt: new Date('2026-10-01') } }),
        YEAR,
        AFTER_YEAR,
      ),
    ).toEqual([])
  })

  it('takes it away for an unfinished plan: not accepted by year end, accepted late, or progress below 100', () => {
    const texts = (p: EvaluatedProject, asOf = AFTER_YEAR) =>
      ineligibilityReasons(p, YEAR, asOf).map((r) => `${r.kind}:${r.text}`)
    expect(texts(project('a', { status: 'in_progress', progress: 60, score: null }))).toEqual([
      'plan_unfinished:《项目a》年底前未结题（实施中，进度 60%）',
    ])
    expect(texts(project('a', { status: 'in_progress', progress: 60, score: null }), IN_YEAR)).toEqual([
      'plan_unfinished:《项目a》尚未结题（实施中，进度 60%）',
    ])
    // Accepted at 00:30 on 1 January in China: after the year end.
    const late = { total: 90, scoredAt: new Date('2026-12-31T16:30:00Z') }
    expect(texts(project('a', { score: late }))).toEqual([
      'plan_unfinished:《项目a》2026 年底前未结题（次年才通过验收）',
    ])
    const inTime = { total: 90, scoredAt: new Date('2026-12-31T15:59:00Z') }
    expect(texts(project('a', { score: inTime }))).toEqual([])
    expect(texts(project('a', { progress: 95 }))).toEqual([
      'plan_unfinished:《项目a》进度 95%，未完成项目计划',
    ])
    expect(chinaYearEnd(2026).toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('takes it away for low satisfaction: an average below 4.0 of 5', () => {
    expect(
      ineligibilityReasons(project('a', { rating: { count: 10, sum: 38 } }), YEAR, AFTER_YEAR).map(
        (r) => r.text,
      ),
    ).toEqual(['《项目a》群众满意度 3.8 分，低于 4.0 分'])
    expect(ineligibilityReasons(project('a', { rating: { count: 10, sum: 40 } }), YEAR, AFTER_YEAR)).toEqual(
      [],
    )
    expect(ineligibilityReasons(project('a', { rating: { count: 0, sum: 0 } }), YEAR, AFTER_YEAR)).toEqual([])
    const strict = { ...EVALUATION_CONFIG, lowSatisfactionBelow: 4.8 }
    expect(ineligibilityReasons(project('a'), YEAR, AFTER_YEAR, strict).map((r) => r.kind)).toEqual([
      'low_satisfaction',
    ])
  })

  it('does not judge proposals that were never approved', () => {
    for (const status of ['draft', 'submitted', 'returned'] as const)
      expect(
        ineligibilityReasons(project('a', { status, score: null, progress: 0 }), YEAR, AFTER_YEAR),
      ).toEqual([])
  })

  it('lists every branch with its reasons; a branch with none keeps its eligibility', () => {
    const branches = [
      { id: 'b1', name: '运维部党支部' },
      { id: 'b2', name: '营销部党支部' },
      { id: 'b3', name: '人资党支部' },
    ]
    const result = branchEligibility(
      branches,
      [
        project('a'),
        project('b', { branchId: 'b2', returnedAcceptance: true, rating: { count: 5, sum: 15 } }),
        project('c', { branchId: 'b2', status: 'draft', score: null }),
      ],
      YEAR,
      AFTER_YEAR,
    )
    expect(result.map((b) => [b.branchId, b.eligible, b.projects, b.reasons.map((r) => r.kind)])).toEqual([
      ['b1', true, 1, []],
      ['b2', false, 1, ['weak_measures', 'low_satisfaction']],
      ['b3', true, 0, []],
    ])
  })
})
