import { chinaDay } from '../../../domain/checkins'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { RUNNING, checkin, countCalls, data } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p004', 'p005', 'p057', 'p060']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('checkins.myTasks (打卡)', () => {
  it('lists the caller’s tasks and milestones, what is due first first, overdue ones marked', async () => {
    const mine = data(await cloud.call(as.p004, 'checkins', 'myTasks', {}))
    expect(mine.today).toBe(chinaDay(new Date()))
    expect(
      mine.items.map((i) => [
        i.kind,
        i.key,
        i.deadline,
        i.dueState,
        i.milestone?.status ?? null,
        i.canSubmit,
      ]),
    ).toEqual([
      // Task t2's earliest unfinished milestone is m3 (2026-09-30), already past.
      ['task', `${RUNNING}:t2`, '2026-09-30', 'overdue', null, false],
      ['milestone', 'prj-001-m3', '2026-09-30', 'overdue', 'submitted', false],
    ])
    expect(mine.overdue).toBe(2)
    expect(mine.items[1]).toMatchObject({
      project: { id: RUNNING, title: '党员干部施工项目全程负责制', branchName: '运维部党支部' },
      task: { id: 't2', title: '推行临时任务“一票直达”' },
      milestone: {
        title: '建立临时任务责任人台账',
        round: 2,
        lastComment: expect.stringContaining('现场照片'),
      },
    })
    expect(mine.items[0].checkins).toBeGreaterThan(0)
  })

  it('lets the owner of an open milestone submit it, and counts check-ins per line', async () => {
    const mine = data(await cloud.call(as.p005, 'checkins', 'myTasks', {}))
    const m4 = mine.items.find((i) => i.key === 'prj-001-m4')
    expect(m4).toMatchObject({ kind: 'milestone', canSubmit: true, deadline: '2026-11-30', checkins: 0 })
    const before = mine.items.find((i) => i.key === `${RUNNING}:t2`)?.checkins ?? 0
    data(
      await cloud.call(as.p005, 'checkins', 'create', checkin({ taskId: 't2', milestoneId: 'prj-001-m4' })),
    )
    const after = data(await cloud.call(as.p005, 'checkins', 'myTasks', {}))
    expect(after.items.find((i) => i.key === 'prj-001-m4')?.checkins).toBe(1)
    expect(after.items.find((i) => i.key === `${RUNNING}:t2`)?.checkins).toBe(before + 1)
  })

  it('is empty for someone with no tasks (the committee here)', async () => {
    expect(data(await cloud.call(as.p060, 'checkins', 'myTasks', {})).items).toEqual([])
  })

  it('reads the projects, the milestones and the counters, a fixed number of calls', async () => {
    const counter = countCalls(cloud)
    data(await cloud.call(as.p004, 'checkins', 'myTasks', {}))
    counter.stop()
    expect(counter.calls).toHaveLength(5)
  })
})

describe('checkins.history', () => {
  it('pages through the caller’s check-ins newest first without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++)
      data(await cloud.call(as.p004, 'checkins', 'create', checkin({ taskId: 't2' })))
    const stored = cloud.db.find('checkins', { personId: 'p004' }, { sort: { at: -1 }, limit: 100 })
    const seen: string[] = []
    let cursor: string | undefined
    for (let pages = 0; pages < 10; pages++) {
      const page = data(
        await cloud.call(as.p004, 'checkins', 'history', { limit: 3, ...(cursor ? { cursor } : {}) }),
      )
      seen.push(...page.items.map((c) => c.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(9)
    expect([...seen].sort()).toEqual(stored.map((c) => c._id).sort())
    const times = seen.map((id) => Date.parse(String(stored.find((c) => c._id === id)?.at)))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('shows what the app needs of each check-in', async () => {
    const [latest] = data(await cloud.call(as.p004, 'checkins', 'history', { limit: 1 })).items
    expect(latest).toMatchObject({
      person: { id: 'p004' },
      project: { id: RUNNING },
      task: { id: 't2' },
      text: expect.any(String),
      day: chinaDay(new Date(latest.at)),
    })
  })

  it('refuses a forged cursor', async () => {
    expect(await cloud.call(as.p004, 'checkins', 'history', { cursor: "1'; DROP TABLE" })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'cursor' }],
    })
  })
})

describe('checkins.myStats (我的)', () => {
  it('shows totals, the streak as of today, milestones and the branch’s check-ins', async () => {
    const stats = data(await cloud.call(as.p004, 'checkins', 'myStats', {}))
    // The demo: p004 checked in on each of the last four days, then five more today in these tests; their
    // milestone of prj-001 waits, and one of the closed prj-009 was approved.
    expect(stats).toMatchObject({
      total: 4 + 5,
      streak: 4,
      longestStreak: 4,
      checkedInToday: true,
      milestones: { waiting: 1, approved: 1 },
      branch: { id: 'b-yunwei', name: '运维部党支部' },
    })
    expect(stats.branch?.checkins).toBe(cloud.db.count('checkins', { branchId: 'b-yunwei' }))
  })

  it('starts at zero for someone who never checked in', async () => {
    expect(data(await cloud.call(as.p057, 'checkins', 'myStats', {}))).toMatchObject({
      total: 0,
      streak: 0,
      lastDay: null,
      checkedInToday: false,
    })
  })
})
