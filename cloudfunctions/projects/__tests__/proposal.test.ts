import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { ANSWERS, DRAFT, RETURNED, SUBMITTED, data, snapshot } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  // A secretary of 城区供电所 who also sits on the committee: may decide, but never on their own submission.
  cloud.db.insertMany('people', [
    {
      _id: 'p-dual',
      openid: 'demo-openid-p-dual',
      name: '兼职委员',
      phone: '13900009999',
      branchId: 'b-chengqu',
      groupId: null,
      title: '支部书记兼党委委员',
      grants: [
        { role: 'member', branchId: 'b-chengqu' },
        { role: 'secretary', branchId: 'b-chengqu' },
        { role: 'committee' },
      ],
    },
  ])
  for (const id of ['p001', 'p002', 'p036', 'p043', 'p050', 'p057', 'p058', 'p-dual'])
    as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('projects.saveDraft refusals', () => {
  it('lets only a branch secretary draft, and only for their own branch', async () => {
    const before = [cloud.db.count('projects'), cloud.db.count('project_events')]
    expect(await cloud.call(as.p002, 'projects', 'saveDraft', { title: '党员项目' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p057, 'projects', 'saveDraft', { title: '党员项目' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await cloud.call(as.p001, 'projects', 'saveDraft', { branchId: 'b-anzhi', title: 'x' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      issues: [{ path: 'branchId' }],
    })
    expect([cloud.db.count('projects'), cloud.db.count('project_events')]).toEqual(before)
  })

  it.each([
    ['an overlong title', { title: '项'.repeat(61) }, 'title'],
    ['an overlong answer', { answers: { what: '做'.repeat(1001) } }, 'answers.what'],
    ['a category that is not one of the five', { category: 'party' }, 'category'],
    ['an unknown answer', { answers: { whom: '谁' } }, 'answers'],
    ['an unknown field', { status: 'approved' }, ''],
    ['a malformed id', { id: '../projects' }, 'id'],
  ])('refuses %s with INVALID_INPUT and the field, writing nothing', async (_what, payload, path) => {
    const before = snapshot(cloud, DRAFT)
    const res = await cloud.post(
      '/fn/projects',
      JSON.stringify({ action: 'saveDraft', payload: { id: DRAFT, ...payload } }),
      {
        cookie: as.p043,
      },
    )
    expect(res.json).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
    expect(snapshot(cloud, DRAFT)).toEqual(before)
  })

  it('answers an unknown project with NOT_FOUND', async () => {
    expect(await cloud.call(as.p043, 'projects', 'saveDraft', { id: 'prj-nope', title: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('refuses another branch’s secretary and a proposal no longer editable, writing nothing', async () => {
    const draft = snapshot(cloud, DRAFT)
    expect(await cloud.call(as.p001, 'projects', 'saveDraft', { id: DRAFT, title: '改名' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(snapshot(cloud, DRAFT)).toEqual(draft)
    const submitted = snapshot(cloud, SUBMITTED)
    expect(await cloud.call(as.p036, 'projects', 'saveDraft', { id: SUBMITTED, title: '改名' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“待立项审批”，不能修改立项表',
    })
    expect(snapshot(cloud, SUBMITTED)).toEqual(submitted)
  })

  it('does not move a project to another branch', async () => {
    expect(
      await cloud.call(as.p043, 'projects', 'saveDraft', { id: DRAFT, branchId: 'b-chengqu' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'branchId' }],
    })
  })
})

describe('the seeded proposals', () => {
  it('keeps the draft incomplete: submit names the four missing answers and writes nothing', async () => {
    const before = snapshot(cloud, DRAFT)
    expect(await cloud.call(as.p043, 'projects', 'submit', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '还需填写：谁来做、怎么做、何时做、做到什么程度',
    })
    expect(snapshot(cloud, DRAFT)).toEqual(before)
  })

  it('lets the committee approve the submitted one, and a second approval is a conflict', async () => {
    const res = data(await cloud.call(as.p057, 'projects', 'approve', { id: SUBMITTED, comment: '同意立项' }))
    expect(res).toEqual({ id: SUBMITTED, status: 'approved', version: 2 })
    const before = snapshot(cloud, SUBMITTED)
    expect(await cloud.call(as.p058, 'projects', 'approve', { id: SUBMITTED })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“已立项”，不能批准立项',
    })
    expect(snapshot(cloud, SUBMITTED)).toEqual(before)
    const last = cloud.db.find('project_events', { projectId: SUBMITTED }, { sort: { at: -1 }, limit: 1 })[0]
    expect(last).toMatchObject({
      action: 'approve',
      from: 'submitted',
      to: 'approved',
      actorId: 'p057',
      comment: '同意立项',
    })
  })

  it('lets the returned one be revised and resubmitted, keeping every version, then withdrawn', async () => {
    data(
      await cloud.call(as.p050, 'projects', 'saveDraft', {
        id: RETURNED,
        answers: { extent: '全年阅读量10万以上' },
      }),
    )
    expect(data(await cloud.call(as.p050, 'projects', 'submit', { id: RETURNED }))).toMatchObject({
      status: 'submitted',
    })
    const versions = cloud.db.find('proposal_versions', { projectId: RETURNED }, { sort: { version: 1 } })
    expect(versions.map((v) => (v.proposal as { answers: { extent: string } }).answers.extent)).toEqual([
      '全年发布稿件50篇以上。',
      '全年阅读量10万以上',
    ])
    const withdrawn = data(
      await cloud.call(as.p050, 'projects', 'withdraw', { id: RETURNED, comment: '再完善' }),
    )
    expect(withdrawn.status).toBe('draft')
    expect(cloud.db.find('projects', { _id: RETURNED })[0].submittedBy).toBeNull()
  })
})

describe('deciding on proposals', () => {
  let id = ''
  beforeAll(async () => {
    id = data(
      await cloud.call(as['p-dual'], 'projects', 'saveDraft', {
        title: '党员网格员',
        category: 'service',
        slogan: '网格有党员',
        problem: '报修慢',
        answers: ANSWERS,
      }),
    ).id
    data(await cloud.call(as['p-dual'], 'projects', 'submit', { id }))
  })

  it('refuses anyone deciding on their own submission, writing nothing', async () => {
    const before = snapshot(cloud, id)
    for (const action of ['approve', 'return'] as const) {
      expect(await cloud.call(as['p-dual'], 'projects', action, { id, comment: '自己批' })).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '不能审批自己提交的申请',
      })
    }
    expect(snapshot(cloud, id)).toEqual(before)
  })

  it('refuses secretaries and members deciding', async () => {
    const before = snapshot(cloud, id)
    expect(await cloud.call(as.p043, 'projects', 'approve', { id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p002, 'projects', 'return', { id, comment: '不行' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(snapshot(cloud, id)).toEqual(before)
  })

  it.each([
    ['no comment', {}],
    ['a blank comment', { comment: '   ' }],
    ['an overlong comment', { comment: '意'.repeat(501) }],
  ])('refuses a return with %s', async (_what, extra) => {
    const before = snapshot(cloud, id)
    const res = await cloud.post(
      '/fn/projects',
      JSON.stringify({ action: 'return', payload: { id, ...extra } }),
      {
        cookie: as.p057,
      },
    )
    expect(res.json).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'comment' }] })
    expect(snapshot(cloud, id)).toEqual(before)
  })

  it('refuses withdrawing or deciding on a draft and unknown ids', async () => {
    expect(await cloud.call(as.p057, 'projects', 'approve', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“草稿”，不能批准立项',
    })
    expect(await cloud.call(as.p043, 'projects', 'withdraw', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await cloud.call(as.p057, 'projects', 'approve', { id: 'prj-404' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('returns with a comment that the secretary sees in the timeline', async () => {
    data(await cloud.call(as.p058, 'projects', 'return', { id, comment: '请补充考核指标' }))
    const detail = data(await cloud.call(as['p-dual'], 'projects', 'get', { id }))
    expect(detail.status).toBe('returned')
    expect(detail.events[0]).toMatchObject({
      action: 'return',
      comment: '请补充考核指标',
      from: 'submitted',
      to: 'returned',
    })
    expect(detail.can).toEqual(['edit', 'submit'])
  })
})
