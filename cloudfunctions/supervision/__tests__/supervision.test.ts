import { chinaDay } from '../../../domain/checkins'
import { drawSample } from '../../../domain/spot-check-draw'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import { data } from '../../projects/__tests__/helpers'

// Demo: p001 secretary of 运维部 (b-yunwei; p002 a member), p015 secretary of 安质部, p057–p060 committee;
// p059 supervises 运维/营销/安质/人资, p060 the other four. Running (实施中): prj-001 (运维), prj-002 (营销),
// prj-003 (安质), prj-004 (人资), prj-014 (东部).
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p015', 'p057', 'p058', 'p059']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const call = <A extends ActionName<'supervision'>>(
  who: string,
  action: A,
  payload: ActionInput<'supervision', A>,
) => cloud.call(as[who], 'supervision', action, payload)
const events = (where: Record<string, unknown>) => cloud.db.find('supervision_events', where)
const inDays = (n: number) => chinaDay(new Date(Date.now() + n * 24 * 3600 * 1000))
let requests = 0
const requestId = () => `req-${Date.now()}-${++requests}`

describe('分片督导 assignments', () => {
  it('shows the committee every member with their branches, and refuses everyone else', async () => {
    const view = data(await call('p057', 'assignments', {}))
    expect(view.people.map((p) => p.id)).toEqual(['p057', 'p058', 'p059', 'p060'])
    expect(view.people.find((p) => p.id === 'p059')?.branchIds).toEqual([
      'b-yunwei',
      'b-yingxiao',
      'b-anzhi',
      'b-renzi',
    ])
    expect(view.branches).toHaveLength(8)
    for (const who of ['p001', 'p002'])
      expect(await call(who, 'assignments', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('assigns and takes back a branch, recording each real change once', async () => {
    const change = { personId: 'p058', branchId: 'b-yunwei', assigned: true }
    expect(data(await call('p057', 'setAssignment', change))).toEqual({ ...change, changed: true })
    expect(data(await call('p057', 'setAssignment', change))).toEqual({ ...change, changed: false })
    expect(events({ subjectId: 'p058:b-yunwei' })).toHaveLength(1)
    const view = data(await call('p057', 'assignments', {}))
    expect(view.people.find((p) => p.id === 'p058')?.branchIds).toEqual(['b-yunwei'])

    expect(data(await call('p057', 'setAssignment', { ...change, assigned: false }))).toMatchObject({
      changed: true,
    })
    const recorded = events({ subjectId: 'p058:b-yunwei' })
    expect(recorded.map((e) => [e.action, e.from, e.to, e.actorId])).toEqual([
      ['assign', 'unassigned', 'assigned', 'p057'],
      ['unassign', 'assigned', 'unassigned', 'p057'],
    ])
    // Nothing is deleted: the pair stays, inactive.
    expect(cloud.db.find('supervision_assignments', { _id: 'p058:b-yunwei' })[0]).toMatchObject({
      active: false,
    })
  })

  it('refuses a non-committee assignee, an unknown branch, other roles and bad input', async () => {
    expect(
      await call('p057', 'setAssignment', { personId: 'p002', branchId: 'b-yunwei', assigned: true }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(
      await call('p057', 'setAssignment', { personId: 'p058', branchId: 'g-gongdiansuo', assigned: true }),
    ).toMatchObject({ code: 'NOT_FOUND' })
    for (const who of ['p001', 'p002', 'p015'])
      expect(
        await call(who, 'setAssignment', { personId: 'p058', branchId: 'b-yunwei', assigned: true }),
      ).toMatchObject({ code: 'FORBIDDEN' })
    expect(
      await call('p057', 'setAssignment', { personId: 'p058', branchId: 'b-yunwei' } as never),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})

describe('我的联系支部', () => {
  it('lists a supervisor’s branches with running projects and overdue milestones counted as stored', async () => {
    const view = data(await call('p059', 'myBranches', {}))
    expect(view.supervisor).toBe(true)
    expect(view.branches.map((b) => b.id)).toEqual(['b-yunwei', 'b-yingxiao', 'b-anzhi', 'b-renzi'])
    const today = chinaDay(new Date())
    for (const b of view.branches) {
      const running = cloud.db.find('projects', { branchId: b.id, status: 'in_progress' })
      expect(b.running).toBe(running.length)
      for (const p of b.projects) {
        const overdue = cloud.db
          .find('milestones', { projectId: p.id })
          .filter(
            (m) =>
              m.status !== 'approved' &&
              m.deadline !== null &&
              new Date(m.deadline as Date).toISOString().slice(0, 10) < today,
          ).length
        expect([p.id, p.overdueMilestones]).toEqual([p.id, overdue])
      }
    }
    expect(view.branches.some((b) => b.overdueMilestones > 0)).toBe(true)
    const anzhi = view.branches.find((b) => b.id === 'b-anzhi')
    expect(anzhi?.waitingAcceptance).toBe(1)
  })

  it('gives a secretary their own branch, a committee member without branches none, a member nothing', async () => {
    const own = data(await call('p001', 'myBranches', {}))
    expect(own.supervisor).toBe(false)
    expect(own.branches.map((b) => b.id)).toEqual(['b-yunwei'])
    expect(data(await call('p057', 'myBranches', {})).branches).toEqual([])
    expect(await call('p002', 'myBranches', {})).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('随机抽查', () => {
  it('draws reproducibly from a recorded seed and canonical candidate list, once per request', async () => {
    const running = cloud.db
      .find('projects', { status: 'in_progress' })
      .map((p) => p._id as string)
      .sort()
    expect(data(await call('p057', 'candidates', {}))).toEqual({
      count: running.length,
      scopeName: '全部党支部',
    })

    const req = requestId()
    const created = data(await call('p057', 'createSpotCheck', { requestId: req, size: 3 }))
    expect(created.created).toBe(true)
    const doc = cloud.db.find('spot_checks', { _id: created.id })[0] as Record<string, unknown>
    expect(doc.candidates).toEqual(running)
    expect(doc.seed).toMatch(/^[0-9a-f]{32}$/)
    const picked = (doc.picked as { projectId: string }[]).map((p) => p.projectId)
    expect(picked).toEqual(drawSample(doc.seed as string, running, 3))

    // A retried tap finds the first draw.
    expect(data(await call('p057', 'createSpotCheck', { requestId: req, size: 3 }))).toEqual({
      id: created.id,
      created: false,
    })
    expect(cloud.db.count('spot_checks', { requestId: req })).toBe(1)
    expect(events({ subjectId: created.id, action: 'draw' })).toHaveLength(1)

    const verified = data(await call('p058', 'verifySpotCheck', { id: created.id }))
    expect(verified).toMatchObject({
      matches: true,
      recorded: picked,
      redrawn: picked,
      candidateCount: running.length,
    })
  })

  it('says a tampered record no longer verifies', async () => {
    const { id } = data(await call('p057', 'createSpotCheck', { requestId: requestId(), size: 3 }))
    const doc = cloud.db.find('spot_checks', { _id: id })[0] as { picked: unknown[] }
    cloud.db.insertMany('spot_checks', [{ ...doc, _id: 'sc-tampered', picked: [...doc.picked].reverse() }])
    expect(data(await call('p057', 'verifySpotCheck', { id })).matches).toBe(true)
    expect(data(await call('p057', 'verifySpotCheck', { id: 'sc-tampered' })).matches).toBe(false)
  })

  it('refuses other roles, an empty scope and bad sizes', async () => {
    for (const who of ['p001', 'p002'])
      expect(await call(who, 'createSpotCheck', { requestId: requestId(), size: 2 })).toMatchObject({
        code: 'FORBIDDEN',
      })
    // 机关党支部 has no running project.
    expect(
      await call('p057', 'createSpotCheck', { requestId: requestId(), size: 2, branchId: 'b-jiguan' }),
    ).toMatchObject({ code: 'CONFLICT' })
    for (const size of [0, 21, 1.5])
      expect(await call('p057', 'createSpotCheck', { requestId: requestId(), size })).toMatchObject({
        code: 'INVALID_INPUT',
      })
    expect(await call('p057', 'createSpotCheck', { requestId: 'x', size: 2 })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('shows a check to the secretary whose branch it picked, only their part, and to nobody else', async () => {
    const { id } = data(
      await call('p057', 'createSpotCheck', { requestId: requestId(), size: 5, branchId: 'b-yunwei' }),
    )
    const mine = data(await call('p001', 'getSpotCheck', { id }))
    expect(mine.picked.map((p) => p.id)).toEqual(['prj-001'])
    expect(mine.canRecord).toBe(false)
    expect(await call('p015', 'getSpotCheck', { id })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p002', 'getSpotCheck', { id })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p015', 'verifySpotCheck', { id })).toMatchObject({ code: 'FORBIDDEN' })
    const listed = data(await call('p001', 'listSpotChecks', {}))
    expect(listed.items.map((c) => c.id)).toContain(id)
    expect(data(await call('p015', 'listSpotChecks', {})).items.map((c) => c.id)).not.toContain(id)
    expect(await call('p002', 'listSpotChecks', {})).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p057', 'getSpotCheck', { id: 'sc-404' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('findings and rectifications', () => {
  let id = ''
  beforeAll(async () => {
    id = data(
      await call('p057', 'createSpotCheck', { requestId: requestId(), size: 1, branchId: 'b-yunwei' }),
    ).id
  })

  it('records findings on a picked project, each save an event', async () => {
    const finding = { id, projectId: 'prj-001', conclusion: 'issues' as const, text: '写实记录不全' }
    expect(data(await call('p057', 'recordFinding', finding)).finding).toMatchObject({
      conclusion: 'issues',
      text: '写实记录不全',
    })
    await call('p058', 'recordFinding', { ...finding, conclusion: 'meets', text: '已补齐' })
    const detail = data(await call('p001', 'getSpotCheck', { id }))
    expect(detail.picked[0].finding).toMatchObject({ conclusion: 'meets', text: '已补齐' })
    expect(events({ spotCheckId: id, action: 'record_finding' }).map((e) => [e.from, e.to])).toEqual([
      [null, 'issues'],
      ['issues', 'meets'],
    ])
    expect(await call('p057', 'recordFinding', { ...finding, projectId: 'prj-002' })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await call('p001', 'recordFinding', finding)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p057', 'recordFinding', { ...finding, text: ' ' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('tracks a rectification to closure: open → done (secretary) → reopened → done → confirmed', async () => {
    const task = { id, projectId: 'prj-001', text: '补齐党员写实记录', deadline: inDays(30) }
    expect(await call('p057', 'addRectification', { ...task, deadline: inDays(-2) })).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'deadline' }],
    })
    expect(await call('p057', 'addRectification', { ...task, deadline: '2026-02-30' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await call('p001', 'addRectification', task)).toMatchObject({ code: 'FORBIDDEN' })
    const made = data(await call('p057', 'addRectification', task))
    expect(made).toMatchObject({ status: 'open', version: 1 })
    const stored = cloud.db.find('rectifications', { _id: made.id })[0]
    expect(stored).toMatchObject({ ownerId: 'p001', branchId: 'b-yunwei', status: 'open' })

    const rid = made.id
    expect(await call('p015', 'completeRectification', { id: rid, note: '已整改' })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call('p002', 'completeRectification', { id: rid, note: '已整改' })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call('p001', 'completeRectification', { id: rid, note: ' ' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await call('p057', 'confirmRectification', { id: rid })).toMatchObject({ code: 'CONFLICT' })
    expect(
      data(await call('p001', 'completeRectification', { id: rid, note: '已补齐 12 条写实' })),
    ).toMatchObject({
      status: 'done',
      version: 2,
    })
    expect(await call('p001', 'confirmRectification', { id: rid })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p057', 'reopenRectification', { id: rid, comment: '' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(data(await call('p057', 'reopenRectification', { id: rid, comment: '缺少照片' }))).toMatchObject({
      status: 'open',
    })
    const mine = data(await call('p001', 'getSpotCheck', { id })).rectifications[0]
    expect(mine).toMatchObject({ status: 'open', lastComment: '缺少照片', can: ['complete'], overdue: false })
    await call('p001', 'completeRectification', { id: rid, note: '已补照片' })
    const theirs = data(await call('p058', 'getSpotCheck', { id })).rectifications[0]
    expect(theirs.can).toEqual(['confirm', 'reopen'])
    expect(data(await call('p058', 'confirmRectification', { id: rid, comment: '同意销号' }))).toMatchObject({
      status: 'confirmed',
      version: 5,
    })
    expect(await call('p058', 'confirmRectification', { id: rid })).toMatchObject({ code: 'CONFLICT' })
    expect(await call('p058', 'reopenRectification', { id: rid, comment: '再看看' })).toMatchObject({
      code: 'CONFLICT',
    })

    expect(events({ subjectId: rid }).map((e) => [e.action, e.from, e.to, e.actorId])).toEqual([
      ['create_rectification', null, 'open', 'p057'],
      ['complete_rectification', 'open', 'done', 'p001'],
      ['reopen_rectification', 'done', 'open', 'p057'],
      ['complete_rectification', 'open', 'done', 'p001'],
      ['confirm_rectification', 'done', 'confirmed', 'p058'],
    ])
    const listed = data(await call('p057', 'listSpotChecks', { pageSize: 50 })).items.find((c) => c.id === id)
    expect(listed).toMatchObject({ openRectifications: 0, findingsCount: 1 })
    expect(await call('p057', 'confirmRectification', { id: 'rf-404' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('年度评价', () => {
  afterEach(() => {
    delete process.env.LOCALCLOUD_NOW
  })

  it('ranks the year’s accepted projects by 80% acceptance + 20% satisfaction × 20, from 10 ratings up', async () => {
    const view = data(await call('p057', 'evaluation', { year: 2026 }))
    expect(view.rules).toMatchObject({
      acceptanceWeight: 0.8,
      satisfactionWeight: 0.2,
      weakMeasuresBelow: 70,
      minRatings: 10,
    })
    const accepted = cloud.db.find('projects', { year: 2026, status: { $in: ['closed', 'archived'] } })
    expect(view.ranking.map((r) => r.id).sort()).toEqual(accepted.map((p) => p._id).sort())
    for (const r of view.ranking) {
      const p = accepted.find((x) => x._id === r.id) as {
        score: { total: number }
        rating: { count: number; sum: number }
      }
      const avg = Math.round((p.rating.sum / p.rating.count) * 10) / 10
      const counted = p.rating.count >= 10
      expect(r.satisfactionCounted).toBe(counted)
      expect(r.rankScore).toBeCloseTo(counted ? 0.8 * p.score.total + 0.2 * avg * 20 : p.score.total, 5)
    }
    const scores = view.ranking.map((r) => r.rankScore)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(view.proposedTopTen).toEqual(view.ranking.slice(0, 10).map((r) => r.id))
  })

  it('lists why a branch loses 电网先锋 eligibility, in words, from the year end on', async () => {
    process.env.LOCALCLOUD_NOW = '2027-01-10T02:00:00Z'
    cloud.db.insertMany('project_events', [
      {
        _id: 'test-return-acceptance',
        projectId: 'prj-008',
        action: 'return_acceptance',
        from: 'acceptance_requested',
        to: 'in_progress',
        actorId: 'p057',
        actorName: '测试',
        comment: '材料不全',
        at: new Date('2026-05-01T00:00:00Z'),
      },
    ])
    const view = data(await call('p057', 'evaluation', { year: 2026 }))
    expect(view.provisional).toBe(false)
    const branch = (id: string) => view.branches.find((b) => b.branchId === id)
    const yunwei = branch('b-yunwei')
    expect(yunwei?.eligible).toBe(false)
    expect(yunwei?.reasons).toContainEqual({
      kind: 'plan_unfinished',
      projectId: 'prj-001',
      projectTitle: '党员干部施工项目全程负责制',
      text: '《党员干部施工项目全程负责制》2026 年底前未结题（实施中，进度 55%）',
    })
    // A return the branch put right and then passed is not held against it: the final score is the verdict.
    expect(
      branch('b-yingxiao')
        ?.reasons.map((r) => r.text)
        .join(),
    ).not.toContain('退回')
    // 调控中心 only has a proposal waiting: no approved project, so nothing earned.
    expect(branch('b-diaokong')).toMatchObject({
      eligible: false,
      projects: 0,
      reasons: [{ kind: 'no_project', text: '2026 年没有获批立项的党建项目，无项目不得评先' }],
    })
    for (const who of ['p001', 'p002'])
      expect(await call(who, 'evaluation', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p057', 'evaluation', { year: 1800 })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('mid-year, the branches working on approved projects are the eligible ones, not those with none', async () => {
    process.env.LOCALCLOUD_NOW = '2026-11-15T02:00:00Z'
    const view = data(await call('p057', 'evaluation', { year: 2026 }))
    expect(view.provisional).toBe(true)
    const eligible = view.branches.filter((b) => b.eligible)
    expect(eligible.length).toBeGreaterThan(0)
    expect(eligible.every((b) => b.projects > 0)).toBe(true)
    expect(view.branches.filter((b) => b.projects === 0).every((b) => !b.eligible)).toBe(true)
    expect(view.branches.flatMap((b) => b.reasons).filter((r) => r.kind === 'plan_unfinished')).toEqual([])
  })

  it('does not flag the 2025 十佳 as unfinished: accepted is finished, whenever the committee scored it', async () => {
    const view = data(await call('p057', 'evaluation', { year: 2025 }))
    const top = view.ranking.slice(0, 2).map((r) => r.id)
    expect(top).toHaveLength(2)
    const reasons = view.branches.flatMap((b) => b.reasons).filter((r) => top.includes(r.projectId))
    expect(reasons.filter((r) => r.kind === 'plan_unfinished')).toEqual([])
  })

  it('confirms the 十佳 as shown, once; refuses a stale list and other roles', async () => {
    const view = data(await call('p057', 'evaluation', { year: 2026 }))
    const ids = view.proposedTopTen
    expect(await call('p057', 'markTopTen', { year: 2026, projectIds: [...ids].reverse() })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await call('p001', 'markTopTen', { year: 2026, projectIds: ids })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(data(await call('p057', 'markTopTen', { year: 2026, projectIds: ids }))).toMatchObject({
      changed: true,
      projectIds: ids,
    })
    expect(data(await call('p058', 'markTopTen', { year: 2026, projectIds: ids }))).toMatchObject({
      changed: false,
    })
    expect(events({ action: 'mark_top_ten' })).toHaveLength(1)
    const after = data(await call('p057', 'evaluation', { year: 2026 }))
    expect(after.confirmed).toMatchObject({ projectIds: ids })
    expect(after.ranking.filter((r) => r.topTen).map((r) => r.id)).toEqual(ids)
    expect(await call('p057', 'markTopTen', { year: 2030, projectIds: ids })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await call('p057', 'markTopTen', { year: 2026, projectIds: [] })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})
