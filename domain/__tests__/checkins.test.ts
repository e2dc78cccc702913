import {
  EMPTY_STATS,
  addCheckin,
  byDue,
  checkinTimeProblem,
  chinaDay,
  currentStreak,
  dueState,
} from '../checkins'

describe('chinaDay', () => {
  it('uses the China calendar day', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
    expect(chinaDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
  })
})

describe('addCheckin', () => {
  it('counts consecutive days as a streak and remembers the longest', () => {
    let s = EMPTY_STATS
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06']) {
      s = addCheckin(s, day)
    }
    expect(s).toEqual({ total: 6, streak: 2, longestStreak: 3, lastDay: '2026-11-06' })
  })

  it('crosses month and year ends', () => {
    const s = ['2026-12-31', '2027-01-01'].reduce(addCheckin, EMPTY_STATS)
    expect(s.streak).toBe(2)
  })

  it('counts a late record without breaking the streak', () => {
    const s = ['2026-11-10', '2026-11-11', '2026-11-01'].reduce(addCheckin, EMPTY_STATS)
    expect(s).toEqual({ total: 3, streak: 2, longestStreak: 2, lastDay: '2026-11-11' })
  })
})

describe('currentStreak', () => {
  const s = ['2026-11-10', '2026-11-11'].reduce(addCheckin, EMPTY_STATS)
  it('is alive today and the day after', () => {
    expect(currentStreak(s, '2026-11-11')).toBe(2)
    expect(currentStreak(s, '2026-11-12')).toBe(2)
  })
  it('is broken after a missed day', () => {
    expect(currentStreak(s, '2026-11-13')).toBe(0)
    expect(currentStreak(EMPTY_STATS, '2026-11-13')).toBe(0)
  })
})

describe('dueState and byDue', () => {
  it('marks overdue, due soon, normal, done and undated', () => {
    expect(dueState('2026-11-24', false, '2026-11-25')).toBe('overdue')
    expect(dueState('2026-11-25', false, '2026-11-25')).toBe('due_soon')
    expect(dueState('2026-11-28', false, '2026-11-25')).toBe('due_soon')
    expect(dueState('2026-11-29', false, '2026-11-25')).toBe('normal')
    expect(dueState('2026-11-01', true, '2026-11-25')).toBe('done')
    expect(dueState(null, false, '2026-11-25')).toBe('no_deadline')
  })

  it('sorts what is due first, then undated, then done', () => {
    const items = [
      { id: 'done', deadline: '2026-01-01', done: true },
      { id: 'late', deadline: '2026-12-01', done: false },
      { id: 'none', deadline: null, done: false },
      { id: 'early', deadline: '2026-11-01', done: false },
    ]
    expect([...items].sort(byDue).map((i) => i.id)).toEqual(['early', 'late', 'none', 'done'])
  })
})

describe('checkinTimeProblem', () => {
  const now = new Date('2026-11-25T08:00:00Z')
  const at = (ms: number) => new Date(now.getTime() + ms)
  it('accepts now, a clock a few minutes ahead and a record up to 30 days back', () => {
    expect(checkinTimeProblem(now, now)).toBeNull()
    expect(checkinTimeProblem(at(4 * 60 * 1000), now)).toBeNull()
    expect(checkinTimeProblem(at(-30 * 24 * 3600 * 1000), now)).toBeNull()
  })
  it('refuses the future, the distant past and no time at all', () => {
    expect(checkinTimeProblem(at(6 * 60 * 1000), now)).toBe('打卡时间不能晚于现在')
    expect(checkinTimeProblem(at(-31 * 24 * 3600 * 1000), now)).toBe('只能补记 30 天内的打卡')
    expect(checkinTimeProblem(new Date('nope'), now)).toBe('打卡时间无效')
  })
})
