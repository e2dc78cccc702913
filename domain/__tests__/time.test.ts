import {
  chinaClockText,
  chinaDay,
  chinaMidnight,
  chinaMinutes,
  chinaMonth,
  chinaWallClock,
  chinaYear,
  timeText,
} from '../time'

describe('China time', () => {
  it('turns the day at 16:00 UTC, whatever the machine zone', () => {
    expect(chinaDay(new Date('2026-03-04T15:59:59Z'))).toBe('2026-03-04')
    expect(chinaDay(new Date('2026-03-04T16:00:00Z'))).toBe('2026-03-05')
    expect(chinaDay('2026-03-04T16:00:00.000Z')).toBe('2026-03-05')
  })

  it('turns the year at 16:00 UTC on 31 December', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
  })

  it('reads the clock and the minutes since midnight in China', () => {
    expect(chinaClockText(new Date('2026-03-04T14:05:00Z'))).toBe('22:05')
    expect(chinaMinutes(new Date('2026-03-04T23:30:00Z'))).toBe(7 * 60 + 30)
  })

  it('finds the instant a China day begins, rolling over months and years', () => {
    expect(chinaMidnight(2027, 0, 1).toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(chinaMidnight(2026, 12).toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(chinaMidnight(2026, 2, 5).toISOString()).toBe('2026-03-04T16:00:00.000Z')
  })

  it('gives the China month an instant falls in, with its bounds', () => {
    expect(chinaMonth(new Date('2026-01-31T16:30:00Z'))).toEqual({
      month: '2026-02',
      start: new Date('2026-01-31T16:00:00Z'),
      end: new Date('2026-02-28T16:00:00Z'),
    })
    expect(chinaMonth(new Date('2026-12-31T17:00:00Z')).month).toBe('2027-01')
  })

  it('gives a Date whose UTC fields read the China wall clock', () => {
    expect(chinaWallClock(new Date('2026-03-04T20:15:00Z')).toISOString()).toBe('2026-03-05T04:15:00.000Z')
  })

  it('writes an instant as members read it', () => {
    const now = new Date('2026-03-05T02:00:00Z') // 10:00 on 5 March in China
    expect(timeText('2026-03-04T16:30:00Z', now)).toBe('今天 00:30')
    expect(timeText('2026-03-04T15:59:00Z', now)).toBe('昨天 23:59')
    expect(timeText('2026-03-03T01:00:00Z', now)).toBe('3月3日 09:00')
    expect(timeText('2025-12-31T15:00:00Z', now)).toBe('2025年12月31日 23:00')
    expect(timeText('2025-12-31T16:00:00Z', now)).toBe('1月1日 00:00')
  })
})
