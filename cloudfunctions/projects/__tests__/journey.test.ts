import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { ANSWERS, addLatency, data, fullPlan, guestCookie } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p043', 'p044', 'p057', 'p058', 'p059', 'p002']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const events = (projectId: string) =>
  cloud.db.find('project_events', { projectId }, { sort: { at: 1 } }).map((e) => [e.action, e.from, e.to])

describe('a project from draft to rating (选题 → 答题 → 结题)', () => {
  let id = ''

  it('lets a secretary draft in their branch and save as they go', async () => {
    const created = data(
      await cloud.call(as.p043, 'projects', 'saveDraft', { title: '党员抢修突击队', slogan: '抢修有党员' }),
    )
    id = created.id
    expect(created).toMatchObject({ status: 'draft', version: 1 })
    expect(created.missingFields).toEqual([
      '问题导向（要解决的问题）',
      '做什么',
      '为什么做',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
    const stored = cloud.db.find('projects', { _id: id })[0]
    expect(stored).toMatchObject({ branchId: 'b-chengqu', branchName: '城区供电所党支部', ownerId: 'p043' })
    const saved = data(
      await cloud.call(as.p043, 'projects', 'saveDraft', {
        id,
        problem: '城区故障报修响应慢',
        answers: { what: ANSWERS.what },
      }),
    )
    expect(saved).toMatchObject({ version: 2 })
    expect(saved.missingFields).toEqual(['为什么做', '谁来做', '怎么做', '何时做', '做到什么程度'])
  })

  it('refuses to submit an incomplete proposal, naming exactly what is missing', async () => {
    const res = await cloud.call(as.p043, 'projects', 'submit', { id })
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '还需填写：为什么做、谁来做、怎么做、何时做、做到什么程度',
    })
    expect(!res.ok && res.issues?.map((i) => i.path)).toEqual([
      'answers.why',
      'answers.who',
      'answers.how',
      'answers.when',
      'answers.extent',
    ])
    expect(cloud.db.count('proposal_versions', { projectId: id })).toBe(0)
  })

  it('submits once complete and keeps a snapshot of the proposal', async () => {
    data(await cloud.call(as.p043, 'projects', 'saveDraft', { id, answers: ANSWERS }))
    const res = data(await cloud.call(as.p043, 'projects', 'submit', { id }))
    expect(res).toMatchObject({ status: 'submitted', version: 4 })
    const versions = cloud.db.find('proposal_versions', { projectId: id })
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ version: 4, submittedBy: 'p043', proposal: { answers: ANSWERS } })
  })

  it('lets exactly one of two committee members approve at once', async () => {
    const undo = addLatency(cloud)
    const [a, b] = await Promise.all([
      cloud.call(as.p057, 'projects', 'approve', { id, comment: '同意' }),
      cloud.call(as.p058, 'projects', 'approve', { id }),
    ]).finally(undo)
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const refused = a.ok ? b : a
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已立项') })
    expect(cloud.db.count('project_events', { projectId: id, action: 'approve' })).toBe(1)
    expect(cloud.db.find('projects', { _id: id })[0]).toMatchObject({ status: 'approved', version: 5 })
  })

  it('takes a plan, refuses to start while it is incomplete, then starts', async () => {
    const plan = fullPlan(id)
    const partial = {
      ...plan,
      tasks: [{ ...plan.tasks[0], milestones: [{ ...plan.tasks[0].milestones[0], ownerId: null }] }],
    }
    const saved = data(await cloud.call(as.p043, 'projects', 'savePlan', partial))
    expect(saved.planProblems).toEqual(['里程碑“确定突击队名单”缺少：责任人'])
    const refused = await cloud.call(as.p043, 'projects', 'start', { id })
    expect(refused).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('里程碑“确定突击队名单”缺少：责任人'),
      issues: [{ path: 'tasks.0.milestones.0' }],
    })
    const full = data(await cloud.call(as.p043, 'projects', 'savePlan', plan))
    expect(full.planProblems).toEqual([])
    expect(data(await cloud.call(as.p043, 'projects', 'start', { id }))).toMatchObject({
      status: 'in_progress',
    })
  })

  it('requests acceptance, and the committee scores it against the rubric and accepts', async () => {
    const req = await cloud.call(as.p043, 'projects', 'requestAcceptance', {
      id,
      summary: '突击队到场时间缩短一半',
      evidence: ['cloud://local.localcloud/uploads/p043/evidence-a1.jpg'],
    })
    expect(data(req)).toMatchObject({ status: 'acceptance_requested' })
    const scores = { measures: 27, plan: 28, effect: 22, innovation: 12 }
    const heard = await cloud.call(as.p059, 'projects', 'recordAcceptanceMethod', {
      id,
      method: 'report',
      notes: '听取突击队队长汇报',
    })
    expect(data(heard)).toMatchObject({ status: 'acceptance_requested' })
    const accepted = await cloud.call(as.p059, 'projects', 'accept', { id, scores, comment: '成效明显' })
    expect(data(accepted)).toMatchObject({ status: 'closed' })
    const stored = cloud.db.find('projects', { _id: id })[0]
    expect(stored.score).toMatchObject({ total: 89, scores, scoredBy: 'p059', comment: '成效明显' })
    expect((stored.score as { rubric: unknown[] }).rubric).toHaveLength(4)
  })

  it('is rated by the masses once each in its 四公开 window, never by a Party member', async () => {
    const guest = guestCookie(cloud, 'public-openid-1')
    expect(data(await cloud.call(guest, 'projects', 'rate', { id, score: 3 }))).toEqual({
      count: 1,
      average: 3,
    })
    expect(await cloud.call(as.p002, 'projects', 'rate', { id, score: 5, comment: '好' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(guest, 'projects', 'rate', { id, score: 4, comment: '改一下' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    const other = guestCookie(cloud, 'public-openid-2')
    expect(data(await cloud.call(other, 'projects', 'rate', { id, score: 5, comment: '很好' }))).toEqual({
      count: 2,
      average: 4,
    })
    const page = data(await cloud.call(guest, 'projects', 'publicGet', { id }))
    expect(page.rating).toMatchObject({
      count: 2,
      average: 4,
      mine: { score: 3, comment: '' },
      canRate: false,
    })
    expect(page.effect).toBe('突击队到场时间缩短一半')
    expect(page.tasks[0].milestones[0]).toEqual({
      title: '确定突击队名单',
      ownerName: expect.any(String),
      deadline: '2027-01-31',
      status: 'open',
    })
    expect(JSON.stringify(page)).not.toMatch(/1390000|openid|p04\d/)
  })

  it('records every step as an event, who and from → to', async () => {
    expect(events(id)).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['save_plan', 'approved', 'approved'],
      ['save_plan', 'approved', 'approved'],
      ['start', 'approved', 'in_progress'],
      ['request_acceptance', 'in_progress', 'acceptance_requested'],
      ['accept', 'acceptance_requested', 'closed'],
    ])
    const detail = data(await cloud.call(as.p044, 'projects', 'get', { id }))
    expect(detail.events[0]).toMatchObject({ action: 'accept', comment: '成效明显' })
    expect(detail.rating).toEqual({ count: 2, average: 4 })
    expect(detail.can).toEqual([])
  })
})
