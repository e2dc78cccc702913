import { averageRating, DEFAULT_RUBRIC, totalScore } from '../acceptance'

const full = { measures: 28, plan: 29, effect: 23, innovation: 14 }

describe('totalScore', () => {
  it('adds up a complete score sheet', () => {
    expect(totalScore(DEFAULT_RUBRIC, full)).toEqual({ ok: true, total: 94 })
    expect(DEFAULT_RUBRIC.reduce((s, r) => s + r.max, 0)).toBe(100)
  })

  it('wants a score for every item', () => {
    const withoutInnovation = { measures: 28, plan: 29, effect: 23 }
    expect(totalScore(DEFAULT_RUBRIC, withoutInnovation)).toEqual({
      ok: false,
      key: 'innovation',
      message: '请为“特色与创新”打分',
    })
  })

  it('refuses scores above the item’s maximum, negative or fractional', () => {
    expect(totalScore(DEFAULT_RUBRIC, { ...full, effect: 26 })).toMatchObject({ ok: false, key: 'effect' })
    expect(totalScore(DEFAULT_RUBRIC, { ...full, plan: -1 })).toMatchObject({ ok: false, key: 'plan' })
    expect(totalScore(DEFAULT_RUBRIC, { ...full, measures: 20.5 })).toMatchObject({
      ok: false,
      key: 'measures',
      message: '“工作措施有力”的得分应在 0–30 之间',
    })
  })

  it('refuses items the rubric does not have', () => {
    expect(totalScore(DEFAULT_RUBRIC, { ...full, bonus: 5 })).toEqual({
      ok: false,
      key: 'bonus',
      message: '评分表中没有“bonus”',
    })
  })

  it('accepts the edges 0 and max', () => {
    expect(totalScore(DEFAULT_RUBRIC, { measures: 0, plan: 30, effect: 25, innovation: 0 })).toEqual({
      ok: true,
      total: 55,
    })
  })
})

describe('averageRating', () => {
  it('is null without ratings and rounds to one decimal', () => {
    expect(averageRating({ count: 0, sum: 0 })).toBeNull()
    expect(averageRating({ count: 3, sum: 13 })).toBe(4.3)
    expect(averageRating({ count: 2, sum: 9 })).toBe(4.5)
  })
})
