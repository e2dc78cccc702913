import { byGroupRole, chinaMonth, withPin, withoutPin } from '../groups'

describe('chinaMonth', () => {
  it('follows China’s calendar, not UTC’s, at the turn of a month', () => {
    // 2026-11-30T16:30Z is 00:30 on 1 December in China.
    expect(chinaMonth(new Date('2026-11-30T16:30:00Z'))).toEqual({
      month: '2026-12',
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
    expect(chinaMonth(new Date('2026-11-30T15:59:59Z')).month).toBe('2026-11')
  })

  it('rolls over the year', () => {
    expect(chinaMonth(new Date('2026-12-15T00:00:00Z'))).toEqual({
      month: '2026-12',
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
  })
})

describe('pins', () => {
  it('keeps the newest pin first, each once', () => {
    expect(withPin(['a', 'b'], 'c')).toEqual(['c', 'a', 'b'])
    expect(withPin(['a', 'b'], 'b')).toEqual(['b', 'a'])
    expect(withoutPin(['a', 'b'], 'a')).toEqual(['b'])
    expect(withoutPin(['a'], 'z')).toEqual(['a'])
  })
})

describe('roster order', () => {
  it('puts the secretary, then the leader, then members by id', () => {
    const rows = [
      { id: 'p6', groupRole: 'member' as const },
      { id: 'p2', groupRole: 'leader' as const },
      { id: 'p4', groupRole: 'member' as const },
      { id: 'p1', groupRole: 'secretary' as const },
    ]
    expect(rows.sort(byGroupRole).map((r) => r.id)).toEqual(['p1', 'p2', 'p4', 'p6'])
  })
})
