import { countersOf, recountCheckins } from '../checkin-counts'
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
  it('names the project, task, branch and, when tagged, milestone counters', () => {
    expect(countersOf(c('p1', 1, '2026-11-01', { milestoneId: 'm1' })).map((x) => x._id)).toEqual([
      'project:prj1',
      'task:prj1:t1',
      'milestone:m1',
      'branch:b1',
    ])
    expect(countersOf(c('p1', 1, '2026-11-01')).map((x) => x.scope)).toEqual(['project', 'task', 'branch'])
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
    expect(counts).toEqual([
      { _id: 'branch:b1', scope: 'branch', count: 2 },
      { _id: 'branch:b2', scope: 'branch', count: 1 },
      { _id: 'milestone:m1', scope: 'milestone', count: 1 },
      { _id: 'project:prj1', scope: 'project', count: 2 },
      { _id: 'project:prj2', scope: 'project', count: 1 },
      { _id: 'task:prj1:t1', scope: 'task', count: 2 },
      { _id: 'task:prj2:t2', scope: 'task', count: 1 },
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
