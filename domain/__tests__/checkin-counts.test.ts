import { countersOf, recountCheckins, weekOf } from '../checkin-counts'
import type { Counted } from '../checkin-counts'

const c = (personId: string, seq: number, day: string, over: Partial<Counted> = {}): Counted => ({
  personId,
  seq,
  day,
  branchId: 'b1',
  projectId: 'prj1',
  taskId: 't1',
  milestoneId: null,
  ...over,
})

describe('countersOf', () => {
  it('names the project, task, branch and, when tagged, milestone counters, and the dashboard’s week and month', () => {
    expect(countersOf(c('p1', 1, '2026-11-01', { milestoneId: 'm1' })).map((x) => x._id)).toEqual([
      'project:prj1',
      'task:prj1:t1',
      'milestone:m1',
      'branch:b1',
      // 2026-11-01 is a Sunday: its week began on Monday 26 October.
      'project_week:prj1:2026-10-26',
      'member_month:prj1:2026-11:p1',
    ])
    expect(countersOf(c('p1', 1, '2026-11-02')).map((x) => x.scope)).toEqual([
      'project',
      'task',
      'branch',
      'project_week',
      'member_month',
    ])
    expect(countersOf(c('p1', 1, '2026-11-02')).slice(-2)).toEqual([
      {
        _id: 'project_week:prj1:2026-11-02',
        scope: 'project_week',
        fields: { projectId: 'prj1', branchId: 'b1', week: '2026-11-02' },
      },
      {
        _id: 'member_month:prj1:2026-11:p1',
        scope: 'member_month',
        fields: { projectId: 'prj1', branchId: 'b1', personId: 'p1', month: '2026-11' },
      },
    ])
  })
})

describe('weekOf', () => {
  it('gives the Monday of the week, across month and year ends', () => {
    expect(weekOf('2026-11-02')).toBe('2026-11-02')
    expect(weekOf('2026-11-08')).toBe('2026-11-02')
    expect(weekOf('2026-11-09')).toBe('2026-11-09')
    expect(weekOf('2027-01-01')).toBe('2026-12-28')
    expect(weekOf('2024-03-01')).toBe('2024-02-26')
  })
})

describe('recountCheckins', () => {
  it('counts per member, task, project, milestone and branch', () => {
    const { stats, counts } = recountCheckins([
      c('p1', 1, '2026-11-01'),
      c('p1', 2, '2026-11-02', { milestoneId: 'm1' }),
      c('p2', 1, '2026-11-02', { taskId: 't2', branchId: 'b2', projectId: 'prj2' }),
    ])
    expect(stats).toEqual([
      { _id: 'p1', total: 2, streak: 2, longestStreak: 2, lastDay: '2026-11-02' },
      { _id: 'p2', total: 1, streak: 1, longestStreak: 1, lastDay: '2026-11-02' },
    ])
    expect(
      counts.filter((x) => !x._id.startsWith('project_week') && !x._id.startsWith('member_month')),
    ).toEqual([
      { _id: 'branch:b1', scope: 'branch', count: 2 },
      { _id: 'branch:b2', scope: 'branch', count: 1 },
      { _id: 'milestone:m1', scope: 'milestone', count: 1 },
      { _id: 'project:prj1', scope: 'project', count: 2 },
      { _id: 'project:prj2', scope: 'project', count: 1 },
      { _id: 'task:prj1:t1', scope: 'task', count: 2 },
      { _id: 'task:prj2:t2', scope: 'task', count: 1 },
    ])
    // 1 and 2 November fall in different weeks (Sunday, Monday), the same month.
    expect(counts.filter((x) => x.scope === 'project_week').map((x) => [x._id, x.count])).toEqual([
      ['project_week:prj1:2026-10-26', 1],
      ['project_week:prj1:2026-11-02', 1],
      ['project_week:prj2:2026-11-02', 1],
    ])
    expect(counts.filter((x) => x.scope === 'member_month').map((x) => [x._id, x.count])).toEqual([
      ['member_month:prj1:2026-11:p1', 2],
      ['member_month:prj2:2026-11:p2', 1],
    ])
  })

  it('replays each member’s check-ins in the order they were recorded, whatever order they come in', () => {
    // Recorded: the 10th, then the 9th late. The late one never extends or breaks the streak.
    const recorded = [c('p1', 1, '2026-11-10'), c('p1', 2, '2026-11-09')]
    const expected = [{ _id: 'p1', total: 2, streak: 1, longestStreak: 1, lastDay: '2026-11-10' }]
    expect(recountCheckins(recorded).stats).toEqual(expected)
    expect(recountCheckins([...recorded].reverse()).stats).toEqual(expected)
  })
})
