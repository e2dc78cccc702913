import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import {
  ACCEPTANCE_REQUESTED,
  APPROVED,
  ARCHIVED,
  CLOSED,
  DRAFT,
  IN_PROGRESS,
  data,
  guestCookie,
  snapshot,
} from './helpers'
import { fileOf } from '../../checkins/__tests__/helpers'

// prj-005 (acceptance requested) belongs to 安质部: secretary p015 sent the request.
let cloud: TestCloud
const as: Record<string, string> = {}
const scores = { measures: 27, plan: 28, effect: 22, innovation: 12 }

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p015', 'p016', 'p057', 'p058']) as[id] = await cloud.signIn(id)
  as.guest = guestCookie(cloud, 'public-openid-7')
})
afterAll(() => cloud.close())

const post = (cookie: string, action: string, payload: unknown) =>
  cloud.post('/fn/projects', JSON.stringify({ action, payload }), { cookie }).then((r) => r.json)

describe('projects.requestAcceptance', () => {
  it.each([
    ['an empty summary', { summary: ' ', evidence: [] }, 'summary'],
    ['an overlong summary', { summary: '总'.repeat(2001), evidence: [] }, 'summary'],
    [
      'evidence that is not a cloud file',
      { summary: '完成', evidence: ['http://x.example/a.jpg'] },
      'evidence.0',
    ],
    [
      'another person’s upload as evidence',
      { summary: '完成', evidence: ['cloud://local.localcloud/uploads/p002/photo-0001.jpg'] },
      'evidence.0',
    ],
    [
      'evidence of a type not allowed',
      { summary: '完成', evidence: ['cloud://local.localcloud/uploads/p001/run-me-now.exe'] },
      'evidence.0',
    ],
    [
      'more than nine files',
      { summary: '完成', evidence: Array(10).fill('cloud://local.localcloud/a.jpg') },
      'evidence',
    ],
  ])('refuses %s with INVALID_INPUT and the field', async (_what, payload, path) => {
    const before = snapshot(cloud, IN_PROGRESS)
    expect(await post(as.p001, 'requestAcceptance', { id: IN_PROGRESS, ...payload })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path }],
    })
    expect(snapshot(cloud, IN_PROGRESS)).toEqual(before)
  })

  it('refuses members, other secretaries and projects not running', async () => {
    const request = { summary: '完成', evidence: [] }
    expect(
      await cloud.call(as.p002, 'projects', 'requestAcceptance', { id: IN_PROGRESS, ...request }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await cloud.call(as.p015, 'projects', 'requestAcceptance', { id: IN_PROGRESS, ...request }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await cloud.call(as.p001, 'projects', 'requestAcceptance', { id: CLOSED, ...request }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“已结题”，不能申请结题验收',
    })
  })
})

describe('projects.accept and returnAcceptance', () => {
  it.each([
    [
      'a missing rubric item',
      { measures: 27, plan: 28, effect: 22 },
      'scores.innovation',
      '请为“特色与创新”打分',
    ],
    [
      'a score above the item’s maximum',
      { ...scores, effect: 26 },
      'scores.effect',
      '“实施成效与群众评价”的得分应在 0–25 之间',
    ],
    ['an item the rubric does not have', { ...scores, bonus: 3 }, 'scores.bonus', '评分表中没有“bonus”'],
  ])('refuses %s, naming the item', async (_what, sheet, path, message) => {
    const before = snapshot(cloud, ACCEPTANCE_REQUESTED)
    expect(
      await cloud.call(as.p057, 'projects', 'accept', { id: ACCEPTANCE_REQUESTED, scores: sheet }),
    ).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message,
      issues: [{ path, message }],
    })
    expect(snapshot(cloud, ACCEPTANCE_REQUESTED)).toEqual(before)
  })

  it('refuses scores that are not whole numbers in range before anything else', async () => {
    expect(
      await post(as.p057, 'accept', { id: ACCEPTANCE_REQUESTED, scores: { ...scores, plan: 10.5 } }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'scores.plan' }] })
    expect(
      await post(as.p057, 'accept', { id: ACCEPTANCE_REQUESTED, scores: { ...scores, plan: '28' } }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'scores.plan' }] })
  })

  it('refuses secretaries and members, and a return without a comment', async () => {
    const before = snapshot(cloud, ACCEPTANCE_REQUESTED)
    expect(
      await cloud.call(as.p015, 'projects', 'accept', { id: ACCEPTANCE_REQUESTED, scores }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await cloud.call(as.p016, 'projects', 'returnAcceptance', {
        id: ACCEPTANCE_REQUESTED,
        comment: '不行',
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await post(as.p057, 'returnAcceptance', { id: ACCEPTANCE_REQUESTED })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'comment' }],
    })
    expect(snapshot(cloud, ACCEPTANCE_REQUESTED)).toEqual(before)
  })

  it('returns a request to implementation with a comment, takes a new one, then accepts it', async () => {
    const back = data(
      await cloud.call(as.p058, 'projects', 'returnAcceptance', {
        id: ACCEPTANCE_REQUESTED,
        comment: '请补充培训台账',
      }),
    )
    expect(back.status).toBe('in_progress')
    expect(cloud.db.find('projects', { _id: ACCEPTANCE_REQUESTED })[0].submittedBy).toBeNull()
    data(
      await cloud.call(as.p015, 'projects', 'requestAcceptance', {
        id: ACCEPTANCE_REQUESTED,
        summary: '已补充培训台账，培训412人次',
        evidence: ['cloud://local.localcloud/uploads/p015/ledger-2026.xlsx'],
      }),
    )
    // No acceptance without knowing how the committee judged it.
    const unjudged = snapshot(cloud, ACCEPTANCE_REQUESTED)
    expect(await cloud.call(as.p057, 'projects', 'accept', { id: ACCEPTANCE_REQUESTED, scores })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '请先记录至少一种验收方式：听取汇报、调查走访或察看现场',
    })
    expect(snapshot(cloud, ACCEPTANCE_REQUESTED)).toEqual(unjudged)
    data(
      await cloud.call(as.p058, 'projects', 'recordAcceptanceMethod', {
        id: ACCEPTANCE_REQUESTED,
        method: 'site_visit',
        notes: '察看培训教室和台账',
        photos: [fileOf('p058')],
      }),
    )
    const accepted = data(
      await cloud.call(as.p057, 'projects', 'accept', { id: ACCEPTANCE_REQUESTED, scores }),
    )
    expect(accepted.status).toBe('closed')
    const detail = data(await cloud.call(as.p016, 'projects', 'get', { id: ACCEPTANCE_REQUESTED }))
    expect(detail.acceptance).toMatchObject({
      summary: '已补充培训台账，培训412人次',
      evidence: ['cloud://local.localcloud/uploads/p015/ledger-2026.xlsx'],
    })
    expect(detail.score).toMatchObject({
      total: 89,
      scores,
      rubric: expect.arrayContaining([expect.objectContaining({ key: 'plan', max: 30 })]),
    })
    expect(detail.events.slice(0, 3).map((e) => e.action)).toEqual([
      'accept',
      'request_acceptance',
      'return_acceptance',
    ])
    expect(detail.events[2].comment).toBe('请补充培训台账')
    expect(detail.acceptanceMethods).toEqual([
      expect.objectContaining({ method: 'site_visit', notes: '察看培训教室和台账', visited: null }),
    ])
  })
})

describe('projects.recordAcceptanceMethod', () => {
  let id = ''
  beforeEach(() => {
    id = requestAgain()
  })
  const survey = (over: Record<string, unknown> = {}) => ({
    id,
    method: 'survey' as const,
    notes: '走访三个班组',
    visited: 15,
    opinion: '群众普遍认可，希望继续开展',
    ...over,
  })

  it('records 调查走访 with how many were visited and what they said, beside the 四公开 rating', async () => {
    const before = cloud.db.find('projects', { _id: id })[0].version as number
    const photo = fileOf('p057')
    const saved = data(
      await cloud.call(as.p057, 'projects', 'recordAcceptanceMethod', survey({ photos: [photo] })),
    )
    expect(saved.version).toBe(before + 1)
    data(
      await cloud.call(as.p057, 'projects', 'recordAcceptanceMethod', {
        id,
        method: 'report',
        notes: '听取支部书记汇报',
      }),
    )
    const detail = data(await cloud.call(as.p057, 'projects', 'get', { id }))
    expect(detail.acceptanceMethods.map((m) => [m.method, m.visited, m.opinion, m.photos.length])).toEqual([
      ['report', null, '', 0],
      ['survey', 15, '群众普遍认可，希望继续开展', 1],
    ])
  })

  it('refuses a survey without its count or opinion, a photo that is not an image, other roles and states', async () => {
    const before = snapshot(cloud, id)
    const refusals: [Record<string, unknown>, string][] = [
      [survey({ visited: undefined }), '请填写走访了多少名职工群众或党员'],
      [survey({ opinion: '\u200b' }), '不能只有空白或不可见字符'],
      [survey({ photos: [fileOf('p057', 'pdf')] }), '只能上传照片（jpg、png、webp）'],
      [survey({ notes: ' \u200d ' }), '请填写验收情况'],
    ]
    for (const [payload, message] of refusals) {
      const res = await post(as.p057, 'recordAcceptanceMethod', JSON.parse(JSON.stringify(payload)))
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(JSON.stringify(res)).toContain(message)
    }
    for (const who of ['p015', 'p016', 'p002'])
      expect(await cloud.call(as[who], 'projects', 'recordAcceptanceMethod', survey())).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    expect(snapshot(cloud, id)).toEqual(before)
    expect(
      await cloud.call(as.p057, 'projects', 'recordAcceptanceMethod', survey({ id: IN_PROGRESS })),
    ).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('projects.archive', () => {
  it('is the committee’s, once a project is closed', async () => {
    expect(await cloud.call(as.p001, 'projects', 'archive', { id: CLOSED })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p057, 'projects', 'archive', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“实施中”，不能归档',
    })
    expect(data(await cloud.call(as.p057, 'projects', 'archive', { id: CLOSED })).status).toBe('archived')
    expect(await cloud.call(as.p058, 'projects', 'archive', { id: CLOSED })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })
})

describe('四公开: projects.publicGet and rate', () => {
  it('shows any WeChat user a running or finished project: content, tasks, progress, effect, names only', async () => {
    const page = data(await cloud.call(as.guest, 'projects', 'publicGet', { id: ARCHIVED }))
    expect(page).toMatchObject({
      title: '网上课堂与网络党支部试点',
      branchName: '机关党支部',
      status: 'archived',
      progress: 100,
      effect: expect.stringContaining('流动党员'),
      rating: { count: 9, mine: null, canRate: false },
    })
    expect(page.tasks).toHaveLength(2)
    expect(page.tasks[0].milestones[0]).toMatchObject({
      title: '建立网络党支部',
      deadline: '2025-04-30',
      status: 'approved',
    })
    expect(page.tasks[0].milestones[0].ownerName).not.toBe('')
    expect(JSON.stringify(page)).not.toMatch(/1390000|openid|"p0\d\d"/)
    const running = data(await cloud.call(as.p002, 'projects', 'publicGet', { id: IN_PROGRESS }))
    expect(running.effect).toBeNull()
  })

  it('hides drafts, proposals and approved-but-not-started projects, and unknown ids', async () => {
    for (const id of [DRAFT, APPROVED, 'prj-404']) {
      expect(await cloud.call(as.guest, 'projects', 'publicGet', { id })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      })
    }
  })

  it.each([
    ['a score of 0', { score: 0 }, 'score'],
    ['a score of 6', { score: 6 }, 'score'],
    ['a fractional score', { score: 4.5 }, 'score'],
    ['an overlong comment', { score: 4, comment: '评'.repeat(201) }, 'comment'],
  ])('refuses %s with INVALID_INPUT and the field', async (_what, payload, path) => {
    const before = snapshot(cloud, CLOSED)
    expect(await post(as.guest, 'rate', { id: CLOSED, ...payload })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path }],
    })
    expect(snapshot(cloud, CLOSED)).toEqual(before)
  })

  it('refuses rating a project that is not public, writing nothing', async () => {
    const before = snapshot(cloud, APPROVED)
    expect(await cloud.call(as.guest, 'projects', 'rate', { id: APPROVED, score: 5 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(snapshot(cloud, APPROVED)).toEqual(before)
  })

  it('refuses every Party member, of the branch, a rival branch or the committee, with the reason', async () => {
    // p002 is a member of 运维部 (prj-009's branch), p016 of 安质部, p001 its secretary, p057 the committee.
    for (const who of ['p002', 'p016', 'p001', 'p057']) {
      const before = snapshot(cloud, CLOSED)
      expect(await cloud.call(as[who], 'projects', 'rate', { id: CLOSED, score: 1 })).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '群众满意度由职工群众评价，党员不参与评分',
      })
      expect(snapshot(cloud, CLOSED)).toEqual(before)
      expect(cloud.db.count('ratings', { projectId: CLOSED })).toBe(18)
    }
    const page = data(await cloud.call(as.p002, 'projects', 'publicGet', { id: CLOSED }))
    expect(page.rating).toMatchObject({ canRate: false, closed: '群众满意度由职工群众评价，党员不参与评分' })
  })

  it('takes ratings only in the 四公开 window: not while running, not once 30 days past 结题', async () => {
    const running = data(await cloud.call(as.guest, 'projects', 'publicGet', { id: IN_PROGRESS }))
    expect(running.rating).toMatchObject({ canRate: false, closed: '项目申请结题验收后开放群众评价' })
    expect(await cloud.call(as.guest, 'projects', 'rate', { id: IN_PROGRESS, score: 5 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目申请结题验收后开放群众评价',
    })
    // prj-013 was accepted months ago (the seed puts its 结题 well over 30 days back, whatever today is).
    const before = snapshot(cloud, ARCHIVED)
    const late = await cloud.call(as.guest, 'projects', 'rate', { id: ARCHIVED, score: 1 })
    expect(late).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/^评价已于 .* 结束/),
    })
    expect(snapshot(cloud, ARCHIVED)).toEqual(before)
    expect(cloud.db.count('ratings', { projectId: ARCHIVED })).toBe(9)
    const closed = data(await cloud.call(as.guest, 'projects', 'publicGet', { id: ARCHIVED }))
    expect(closed.rating).toMatchObject({ canRate: false, closed: expect.stringMatching(/结题后 30 天内/) })
    // The request opens it: prj-005 was requested (and accepted above, today).
    const open = data(await cloud.call(as.guest, 'projects', 'publicGet', { id: ACCEPTANCE_REQUESTED }))
    expect(open.rating).toMatchObject({ canRate: true, closed: null, lastDay: expect.any(String) })
  })

  it('keeps one final rating per WeChat, with count and average on the project', async () => {
    const start = cloud.db.find('projects', { _id: CLOSED })[0].rating as { count: number; sum: number }
    expect(
      data(await cloud.call(as.guest, 'projects', 'rate', { id: CLOSED, score: 5, comment: '很好' })),
    ).toEqual({
      count: start.count + 1,
      average: Math.round(((start.sum + 5) / (start.count + 1)) * 10) / 10,
    })
    const before = snapshot(cloud, CLOSED)
    expect(await cloud.call(as.guest, 'projects', 'rate', { id: CLOSED, score: 1 })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '你已评价过这个项目，每个微信只能评价一次',
    })
    expect(snapshot(cloud, CLOSED)).toEqual(before)
    expect(cloud.db.find('ratings', { _id: `${CLOSED}:public-openid-7` })[0]).toMatchObject({
      score: 5,
      comment: '很好',
    })
    const page = data(await cloud.call(as.guest, 'projects', 'publicGet', { id: CLOSED }))
    expect(page.rating).toMatchObject({
      mine: { score: 5, comment: '很好' },
      canRate: false,
      closed: '你已评价，每个微信只能评价一次',
    })
  })

  it('gives a guest nothing beyond the public page', async () => {
    const calls: [string, object][] = [
      ['get', { id: IN_PROGRESS }],
      ['approve', { id: IN_PROGRESS }],
      ['list', {}],
    ]
    for (const [action, payload] of calls) {
      expect(await post(as.guest, action, payload)).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
    }
    const noSession = await cloud.post(
      '/fn/projects',
      JSON.stringify({ action: 'publicGet', payload: { id: ARCHIVED } }),
    )
    expect(noSession.json).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

let copies = 0
/** A fresh project waiting for acceptance: a copy of prj-005 as it was requested, no method recorded yet. */
function requestAgain(): string {
  const p = cloud.db.find('projects', { _id: ACCEPTANCE_REQUESTED })[0]
  const id = `prj-accept-copy-${++copies}`
  cloud.db.insertMany('projects', [
    { ...p, _id: id, status: 'acceptance_requested', score: null, acceptanceMethods: {} },
  ])
  return id
}
