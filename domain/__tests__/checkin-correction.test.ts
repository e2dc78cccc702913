import { correctionRefusal, correctionWindow, timeLeftText } from '../checkin-correction'
import { recountCheckins } from '../checkin-counts'

const HOUR = 3600 * 1000
const now = new Date('2026-03-02T04:00:00Z')
const mine = {
  personId: 'p1',
  createdAt: new Date(now.getTime() - 2 * HOUR),
  withdrawnAt: null,
  versions: [],
}

describe('correctionRefusal', () => {
  it('lets the author correct within 24 hours while the milestone is not submitted', () => {
    expect(correctionRefusal(mine, 'p1', null, now, 'edit')).toBeNull()
    expect(correctionRefusal(mine, 'p1', 'open', now, 'withdraw')).toBeNull()
    expect(correctionWindow(mine, 'p1', null, now)).toBe(new Date(now.getTime() + 22 * HOUR).toISOString())
  })

  it('refuses others, a late one, a submitted or approved milestone and a withdrawn one', () => {
    expect(correctionRefusal(mine, 'p2', null, now, 'edit')?.code).toBe('FORBIDDEN')
    const late = { ...mine, createdAt: new Date(now.getTime() - 25 * HOUR) }
    expect(correctionRefusal(late, 'p1', null, now, 'edit')?.message).toBe(
      '打卡超过 24 小时，不能再修改或撤回',
    )
    expect(correctionRefusal(mine, 'p1', 'submitted', now, 'edit')?.code).toBe('CONFLICT')
    expect(correctionRefusal(mine, 'p1', 'approved', now, 'withdraw')?.code).toBe('CONFLICT')
    expect(correctionRefusal({ ...mine, withdrawnAt: now }, 'p1', null, now, 'edit')?.message).toBe(
      '这条打卡已撤回',
    )
    expect(correctionWindow(late, 'p1', null, now)).toBeNull()
    expect(correctionWindow(mine, 'p2', null, now)).toBeNull()
  })

  it('opens a late check-in again while its milestone is returned', () => {
    const late = { ...mine, createdAt: new Date(now.getTime() - 72 * HOUR) }
    expect(correctionRefusal(late, 'p1', 'returned', now, 'edit')).toBeNull()
    expect(correctionWindow(late, 'p1', 'returned', now)).toBe('reopened')
  })
})

describe('timeLeftText', () => {
  it('says hours, then minutes', () => {
    expect(timeLeftText(new Date(now.getTime() + 5.5 * HOUR).toISOString(), now)).toBe('还可修改 5 小时')
    expect(timeLeftText(new Date(now.getTime() + 10 * 60_000).toISOString(), now)).toBe('还可修改 10 分钟')
    expect(timeLeftText('reopened', now)).toBe('里程碑已退回，可修改')
  })
})

describe('recount with a withdrawn check-in', () => {
  const c = (seq: number, day: string, withdrawn = false) => ({
    personId: 'p1',
    seq,
    day,
    branchId: 'b',
    projectId: 'x',
    taskId: 't',
    milestoneId: null,
    withdrawnAt: withdrawn ? now : null,
  })
  it('numbers it but counts it in no streak and no counter', () => {
    const { stats, counts } = recountCheckins([c(1, '2026-03-01'), c(2, '2026-03-02', true)])
    expect(stats).toEqual([
      { _id: 'p1', total: 2, streak: 1, longestStreak: 1, lastDay: '2026-03-01', withdrawn: 1 },
    ])
    expect(counts.find((x) => x._id === 'project:x')?.count).toBe(1)
    // A later check-in builds on the figures without it.
    const next = recountCheckins([c(1, '2026-03-01', true), c(2, '2026-03-02'), c(3, '2026-03-03')]).stats
    expect(next).toEqual([
      { _id: 'p1', total: 3, streak: 2, longestStreak: 2, lastDay: '2026-03-03', withdrawn: 1 },
    ])
  })
})
