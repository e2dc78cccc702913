import {
  barFractions,
  columnChart,
  labelledColumns,
  LABELS_SHOWN,
  niceMax,
  percent,
  stackedBar,
} from '../charts'
import { asOfText, freshnessText, monthLabel, partText, pointsLine, rateText, weekLabel } from '../words'

describe('chart geometry', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 0.4, 1, 3, 7, 10, 11, 23, 180, 501].map(niceMax)).toEqual([
      1, 1, 1, 5, 10, 10, 20, 50, 200, 1000,
    ])
  })

  it('sizes columns against the axis, never past it, and sums them', () => {
    const chart = columnChart([
      { label: 'a', value: 0 },
      { label: 'b', value: 10 },
      { label: 'c', value: 23 },
    ])
    expect(chart.axisMax).toBe(50)
    expect(chart.columns.map((c) => c.fraction)).toEqual([0, 0.2, 0.46])
    expect(chart.total).toBe(33)
    expect(columnChart([]).columns).toEqual([])
  })

  it('labels at most six columns so week labels do not run together, always the newest', () => {
    const twelve = labelledColumns(12)
    expect(twelve.filter(Boolean)).toHaveLength(LABELS_SHOWN)
    expect(twelve.map((l) => (l ? 'x' : '.')).join('')).toBe('.x.x.x.x.x.x')
    expect(labelledColumns(13).filter(Boolean).length).toBeLessThanOrEqual(LABELS_SHOWN)
    expect(labelledColumns(13)[12]).toBe(true)
    expect(labelledColumns(4)).toEqual([true, true, true, true])
    const weeks = columnChart(Array.from({ length: 12 }, (_, i) => ({ label: `w${i}`, value: i })))
    expect(weeks.columns.filter((c) => c.labelled).map((c) => c.label)).toEqual([
      'w1',
      'w3',
      'w5',
      'w7',
      'w9',
      'w11',
    ])
  })

  it('splits a stacked bar into shares that add up to 1, leaving out empty parts', () => {
    const parts = stackedBar([
      { key: 'a', value: 1 },
      { key: 'b', value: 0 },
      { key: 'c', value: 3 },
    ])
    expect(parts).toEqual([
      { key: 'a', value: 1, share: 0.25 },
      { key: 'c', value: 3, share: 0.75 },
    ])
    expect(stackedBar([{ key: 'a', value: 0 }])).toEqual([])
  })

  it('measures bars against the largest value or a given top, clamped to 0–1', () => {
    expect(barFractions([2, 4, 1])).toEqual([0.5, 1, 0.25])
    expect(barFractions([50, 150], 100)).toEqual([0.5, 1])
    expect(barFractions([0, 0])).toEqual([0, 0])
  })

  it('writes a share as a percentage, with a visible sliver for small non-zero parts', () => {
    expect(percent(0.4567)).toBe('45.7%')
    expect(percent(0.001, 2)).toBe('2%')
    expect(percent(0, 2)).toBe('0%')
    expect(percent(1.5)).toBe('100%')
  })
})

describe('dashboard words', () => {
  it('says rates, weeks, months and the roll-up time in Chinese', () => {
    expect(rateText(62.5)).toBe('62.5%')
    expect(rateText(null)).toBe('暂无')
    expect(weekLabel('2026-09-07')).toBe('9/7')
    expect(monthLabel('2026-11')).toBe('11月')
    expect(asOfText('2026-11-26T12:05:00.000Z')).toBe('数据更新于 11月26日 20:05')
    expect(asOfText(null)).toBe('数据正在统计，请稍后下拉刷新')
    expect(freshnessText({ parts: 1, updating: 0, oldest: null })).toBe('')
    expect(freshnessText({ parts: 20, updating: 0, oldest: '2026-11-26T12:05:00.000Z' })).toBe(
      '共 20 部分 · 最早的部分截至 11月26日 20:05',
    )
  })

  it('spells out a league part and the points line', () => {
    expect(partText({ part: 'study', value: 25, weight: 15, points: 3.8 })).toBe(
      '学习时长 25.0 × 15% = 3.8 分',
    )
    expect(partText({ part: 'satisfaction', value: null, weight: 10, points: 0 })).toBe(
      '满意度 暂无数据 × 10% = 0 分',
    )
    expect(
      pointsLine([
        { part: 'completion', value: 60, weight: 30, points: 18 },
        { part: 'onTime', value: 80, weight: 25, points: 20 },
      ]),
    ).toBe('完成 18 · 按期 20')
  })
})
