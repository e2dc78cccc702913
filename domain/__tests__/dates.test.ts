import { checkDeadline, chinaYear, formatDay, parseDay } from '../dates'

describe('calendar days', () => {
  it('parses real days to UTC midnight and formats them back unchanged', () => {
    const d = parseDay('2026-06-30')
    expect(d?.toISOString()).toBe('2026-06-30T00:00:00.000Z')
    expect(formatDay(d as Date)).toBe('2026-06-30')
    expect(parseDay('2028-02-29')).not.toBeNull()
  })

  it('refuses days that do not exist and other shapes', () => {
    for (const s of ['2026-02-30', '2026-13-01', '2027-02-29', '2026-6-30', 'tomorrow', '']) {
      expect(parseDay(s)).toBeNull()
    }
  })

  it('takes the year in China, eight hours ahead of UTC', () => {
    expect(chinaYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026)
    expect(chinaYear(new Date('2025-12-31T15:30:00Z'))).toBe(2025)
  })
})

describe('checkDeadline', () => {
  const created = new Date('2026-03-01T02:00:00Z')

  it('accepts days from the project’s first year up to five years on', () => {
    expect(checkDeadline('2026-01-01', created).ok).toBe(true)
    expect(checkDeadline('2031-12-31', created).ok).toBe(true)
  })

  it('refuses a day before the project’s year or more than five years ahead', () => {
    expect(checkDeadline('2025-12-31', created)).toEqual({
      ok: false,
      message: '时限要求应在 2026 年至 2031 年之间',
    })
    expect(checkDeadline('2032-01-01', created)).toEqual({
      ok: false,
      message: '时限要求应在 2026 年至 2031 年之间',
    })
  })

  it('refuses a day that does not exist', () => {
    expect(checkDeadline('2026-02-30', created)).toEqual({ ok: false, message: '不是有效的日期' })
  })
})
