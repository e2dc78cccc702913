import type { AcceptanceScore, ProjectStatus } from '../../types/entities'
import { RATING_WINDOW_DAYS, ratingLastDay, ratingRefusal, ratingWindow } from '../ratings'

// 结题 at 2026-03-01 10:00 China time; the window closes at the end of 2026-03-31 China time.
const scoredAt = new Date('2026-03-01T02:00:00Z')
const score = { scoredAt } as AcceptanceScore
const at = (iso: string) => new Date(iso)

describe('ratingWindow (四公开: from the acceptance request until 30 days after 结题)', () => {
  it.each<[string, ProjectStatus, AcceptanceScore | null, string, boolean]>([
    ['running: nothing to judge yet', 'in_progress', null, '2026-03-02T00:00:00Z', false],
    ['acceptance requested', 'acceptance_requested', null, '2026-03-02T00:00:00Z', true],
    ['closed the same day', 'closed', score, '2026-03-01T03:00:00Z', true],
    ['the 30th day, just before midnight in China', 'closed', score, '2026-03-31T15:59:00Z', true],
    ['the 31st day, just after midnight in China', 'closed', score, '2026-03-31T16:01:00Z', false],
    ['archived inside the window', 'archived', score, '2026-03-20T00:00:00Z', true],
    ['archived long ago', 'archived', score, '2026-12-01T00:00:00Z', false],
    ['closed without a score on record', 'closed', null, '2026-03-02T00:00:00Z', false],
  ])('%s', (_case, status, s, now, open) => {
    expect(ratingWindow({ status, score: s }, at(now)).open).toBe(open)
  })

  it('says when and why it is closed', () => {
    expect(ratingWindow({ status: 'in_progress', score: null }, at('2026-03-02T00:00:00Z'))).toEqual({
      open: false,
      reason: '项目申请结题验收后开放群众评价',
      lastDay: null,
    })
    expect(ratingWindow({ status: 'closed', score }, at('2026-04-02T00:00:00Z'))).toEqual({
      open: false,
      reason: `评价已于 2026-03-31 结束（结题后 ${RATING_WINDOW_DAYS} 天内可评价）`,
      lastDay: '2026-03-31',
    })
  })

  it('counts the 30 days in China days, whatever the hour of 结题', () => {
    // 23:30 China time on 1 March is still 1 March there.
    expect(ratingLastDay(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-31')
    // 00:30 China time on 2 March (still 1 March in UTC).
    expect(ratingLastDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-04-01')
  })
})

describe('ratingRefusal (the masses rate, Party members do not)', () => {
  it.each([
    ['a member', [{ role: 'member' as const, branchId: 'b1' }], 'b1', false],
    ['a secretary', [{ role: 'secretary' as const, branchId: 'b1' }], 'b1', false],
    ['the committee', [{ role: 'committee' as const }], null, false],
    ['someone on a branch roster with no grant', [], 'b1', false],
    ['a WeChat user on no roster', [], null, true],
  ])('%s', (_who, grants, branchId, mayRate) => {
    expect(ratingRefusal({ grants, branchId }) === null).toBe(mayRate)
  })
})
