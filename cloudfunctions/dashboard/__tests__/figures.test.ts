import { randomBytes } from 'node:crypto'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { DashboardView } from '../../../types/api'
import { PROJECT_CATEGORIES } from '../../../types/entities'
import { YINGXIAO, YUNWEI, countCalls, data, fireRollup, guestCookie, recount } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}
const DAY = 24 * 3600 * 1000
const THIS_YEAR = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()

/** Members of running projects and the task they work on (demo). */
const WORKERS: [person: string, project: string, task: string][] = [
  ['p002', 'prj-001', 't1'],
  ['p003', 'prj-001', 't1'],
  ['p005', 'prj-001', 't2'],
  ['p009', 'prj-002', 't1'],
  ['p011', 'prj-002', 't2'],
  ['p051', 'prj-014', 't1'],
]

/** Generated activity through the functions, as the app makes it: back-dated check-ins over four weeks, an approval, ratings. */
async function generateActivity() {
  let n = 0
  for (const [person, projectId, taskId] of WORKERS) {
    for (let k = 0; k < 6; k++) {
      n += 1
      const at = new Date(Date.now() - ((n * 7) % 27) * DAY - k * 60_000).toISOString()
      data(
        await cloud.call(as[person], 'checkins', 'create', {
          requestId: randomBytes(12).toString('hex'),
          projectId,
          taskId,
          text: '完成现场勘查，落实安全措施。',
          at,
        }),
      )
    }
  }
  // The secretary of 运维部 approves the submission waiting in prj-001.
  data(await cloud.call(as.p001, 'checkins', 'approveMilestone', { id: 'prj-001-m3', comment: '同意' }))
  for (let k = 0; k < 3; k++) {
    const guest = guestCookie(cloud, `dash-guest-${k}`)
    data(await cloud.call(guest, 'projects', 'rate', { id: 'prj-009', score: 3 + k }))
  }
}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p005', 'p008', 'p009', 'p011', 'p051', 'p057']) {
    as[id] = await cloud.signIn(id)
  }
  await generateActivity()
  await fireRollup(cloud)
})
afterAll(() => cloud.close())

/** Every figure of a dashboard view against the long recount. */
function expectFigures(view: DashboardView, filter: { year: number; category?: string; branchId?: string }) {
  const r = recount(cloud, { ...filter, today: view.today })
  expect(view.projects.total).toBe(r.total)
  for (const s of view.projects.byStatus)
    expect([s.status, s.count]).toEqual([s.status, r.byStatus(s.status)])
  for (const c of view.projects.byCategory)
    expect([c.category, c.count]).toEqual([c.category, r.byCategory(c.category)])
  expect(view.completion).toMatchObject({ doneWeight: r.doneWeight, totalWeight: r.totalWeight })
  expect(view.completion.rate).toBe(
    r.totalWeight ? Math.round((r.doneWeight / r.totalWeight) * 1000) / 10 : null,
  )
  expect(view.onTime).toMatchObject({ onTime: r.onTime, considered: r.considered })
  expect(view.overdue.count).toBe(r.overdue.length)
  expect(view.overdue.top.map((m) => m.milestoneId)).toEqual(r.overdue.slice(0, 5))
  expect(view.weeks).toEqual(r.weeks)
  expect(view.active).toEqual({ month: r.month, members: r.members, activeMembers: r.activeMembers })
  expect(view.study.hours).toBe(r.studyHours)
  expect(view.satisfaction).toEqual({ average: r.average, ratings: r.ratings })
  return r
}

describe('dashboard figures equal a recount from the raw records', () => {
  it('company, this year, every category: with something in every figure', async () => {
    const view = data(await cloud.call(as.p057, 'dashboard', 'committee', {}))
    expect(view.year).toBe(THIS_YEAR)
    const r = expectFigures(view, { year: THIS_YEAR })
    // The demo and the generated activity leave no figure empty.
    expect(r.total).toBeGreaterThan(5)
    expect(r.doneWeight).toBeGreaterThan(0)
    expect(r.considered).toBeGreaterThan(0)
    expect(r.overdue.length).toBeGreaterThan(0)
    expect(r.weeks.filter((w) => w.count > 0).length).toBeGreaterThanOrEqual(8)
    expect(r.activeMembers).toBeGreaterThan(3)
    expect(r.studyHours).toBeGreaterThan(0)
    expect(r.ratings).toBeGreaterThan(10)
    expect(view.league.rows.length).toBeGreaterThan(3)
    expect(view.asOf).not.toBeNull()
  })

  it.each([...PROJECT_CATEGORIES])('company, this year, category %s', async (category) => {
    expectFigures(data(await cloud.call(as.p057, 'dashboard', 'committee', { category })), {
      year: THIS_YEAR,
      category,
    })
  })

  it('company, last year (its last twelve weeks and its December)', async () => {
    const view = data(await cloud.call(as.p057, 'dashboard', 'committee', { year: THIS_YEAR - 1 }))
    const r = expectFigures(view, { year: THIS_YEAR - 1 })
    expect(r.total).toBeGreaterThan(0)
    expect(view.active.month).toBe(`${THIS_YEAR - 1}-12`)
  })

  it.each([YUNWEI, YINGXIAO, 'b-dongbu', 'b-diaokong'])(
    'branch %s, with each member’s part',
    async (branchId) => {
      const view = data(await cloud.call(as.p057, 'dashboard', 'branch', { branchId }))
      const r = expectFigures(view, { year: THIS_YEAR, branchId })
      expect(view.scope).toMatchObject({ kind: 'branch', branchId })
      const shown = new Map(view.participation.map((p) => [p.personId, p]))
      expect([...shown.keys()].sort()).toEqual(r.participation.map((p) => p.personId).sort())
      for (const p of r.participation) expect(shown.get(p.personId)).toMatchObject(p)
    },
  )

  it('a secretary’s own branch by default, with its rank among every branch', async () => {
    const view = data(await cloud.call(as.p001, 'dashboard', 'branch', {}))
    expect(view.scope).toMatchObject({ branchId: YUNWEI, branchName: '运维部党支部' })
    expectFigures(view, { year: THIS_YEAR, branchId: YUNWEI })
    const league = data(await cloud.call(as.p057, 'dashboard', 'league', { pageSize: 50 }))
    expect(view.league.total).toBe(league.total)
    expect(view.league.rows).toEqual(league.items.filter((r) => r.branchId === YUNWEI))
    expect(view.participation.find((p) => p.personId === 'p002')?.checkinsThisMonth).toBeGreaterThan(0)
  })

  it('a branch without a project of the category reads as zeroes, not an error', async () => {
    const view = data(await cloud.call(as.p001, 'dashboard', 'branch', { category: 'flagship' }))
    expectFigures(view, { year: THIS_YEAR, category: 'flagship', branchId: YUNWEI })
  })
})

describe('the league (层层打擂)', () => {
  it('ranks every branch by its score, best first, and the score is the sum of its parts', async () => {
    const league = data(await cloud.call(as.p057, 'dashboard', 'league', { pageSize: 50 }))
    expect(league.total).toBe(cloud.db.count('org_units', { kind: 'branch' }))
    const scores = league.items.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(league.items[0].rank).toBe(1)
    for (const row of league.items) {
      const points = row.parts.reduce((s, p) => s + p.points, 0)
      expect(Math.abs(points - row.score)).toBeLessThanOrEqual(0.3)
      expect(row.parts.map((p) => p.weight).reduce((a, b) => a + b, 0)).toBe(100)
    }
    const committee = data(await cloud.call(as.p057, 'dashboard', 'committee', {}))
    expect(committee.league.rows).toEqual(league.items.slice(0, 10))
  })
})

describe('the overdue list behind the figure', () => {
  it('pages through every overdue milestone, oldest deadline first, the company’s or one branch’s', async () => {
    const view = data(await cloud.call(as.p057, 'dashboard', 'committee', {}))
    const seen: string[] = []
    for (let page = 1; ; page++) {
      const res = data(await cloud.call(as.p057, 'dashboard', 'overdue', { page, pageSize: 2 }))
      seen.push(...res.items.map((m) => m.milestoneId))
      expect(res.total).toBe(view.overdue.count)
      if (!res.hasMore) break
    }
    expect(seen).toEqual(recount(cloud, { year: THIS_YEAR, today: view.today }).overdue)
    const mine = data(await cloud.call(as.p001, 'dashboard', 'overdue', {}))
    expect(mine.items.every((m) => m.branchId === YUNWEI)).toBe(true)
    expect(mine.items.map((m) => m.milestoneId)).toEqual(
      recount(cloud, { year: THIS_YEAR, branchId: YUNWEI, today: view.today }).overdue,
    )
    for (const m of mine.items) expect(m.daysOverdue).toBeGreaterThan(0)
  })
})

describe('what a dashboard call costs', () => {
  it('reads a handful of documents in at most 10 database calls, committee or branch', async () => {
    for (const [who, action, payload] of [
      ['p057', 'committee', {}],
      ['p057', 'committee', { category: 'service', year: THIS_YEAR - 1 }],
      ['p001', 'branch', {}],
      ['p057', 'overdue', {}],
      ['p057', 'league', {}],
    ] as const) {
      const counter = countCalls(cloud)
      const handle = cloud.db.handle.bind(cloud.db)
      const collections: unknown[] = []
      cloud.db.handle = (api, params) => {
        collections.push(params.collectionName)
        return handle(api, params)
      }
      const res = await cloud.call(as[who], 'dashboard', action, payload)
      cloud.db.handle = handle
      counter.stop()
      expect(res.ok).toBe(true)
      expect(counter.calls.length).toBeLessThanOrEqual(10)
      // Never a check-in, a milestone or a project: only the caller, the roll-up and (for the year's category
      // names) the year's 选题指南, one document.
      const extra = collections.filter((c) => c !== 'people' && !String(c).startsWith('dashboard_'))
      expect(extra).toEqual(action === 'committee' || action === 'branch' ? ['proposal_guides'] : [])
    }
  })
})

describe('the roll-up', () => {
  it('rewrites nothing when nothing changed, and catches up with a new check-in', async () => {
    const again = await fireRollup(cloud)
    expect(again.written).toBe(0)
    data(
      await cloud.call(as.p002, 'checkins', 'create', {
        requestId: randomBytes(12).toString('hex'),
        projectId: 'prj-001',
        taskId: 't1',
        text: '今天又完成一次巡视。',
      }),
    )
    const before = data(await cloud.call(as.p057, 'dashboard', 'committee', {}))
    const after = await fireRollup(cloud)
    expect(after.written).toBeGreaterThan(0)
    const view = data(await cloud.call(as.p057, 'dashboard', 'committee', {}))
    const last = (v: DashboardView) => v.weeks[v.weeks.length - 1].count
    expect(last(view)).toBe(last(before) + 1)
    expectFigures(view, { year: THIS_YEAR })
  })
})
