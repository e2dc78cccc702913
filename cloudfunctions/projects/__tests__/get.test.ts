import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { CLOSED, DRAFT, IN_PROGRESS, RETURNED, SUBMITTED, countCalls, data } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p036', 'p043', 'p050', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('projects.get', () => {
  it('shows a member their branch’s project: plan with owners, progress, timeline newest first', async () => {
    const p = data(await cloud.call(as.p002, 'projects', 'get', { id: IN_PROGRESS }))
    expect(p).toMatchObject({
      id: IN_PROGRESS,
      title: '党员干部施工项目全程负责制',
      status: 'in_progress',
      branchName: '运维部党支部',
      progress: 55,
      version: 1,
      owner: { id: 'p001' },
      missingFields: [],
      planProblems: [],
      can: [],
      acceptance: null,
      score: null,
    })
    expect(p.answers.what).toContain('一票直达')
    expect(p.tasks.map((t) => t.title)).toEqual(['制定全程负责制实施办法', '推行临时任务“一票直达”'])
    expect(p.tasks[0].assignees.map((a) => a.id)).toEqual(['p002', 'p003'])
    expect(p.tasks[0].milestones[0]).toMatchObject({
      title: '起草实施办法并征求班组意见',
      weight: 25,
      owner: { id: 'p002', name: expect.any(String) },
      deadline: '2026-04-30',
      status: 'approved',
    })
    expect(p.events.map((e) => e.action)).toEqual(['start', 'save_plan', 'approve', 'submit', 'create'])
    expect(p.checklist.filter((c) => c.done)).toHaveLength(2)
    expect(JSON.stringify(p)).not.toMatch(/1390000|openid/)
  })

  it('names the 调研 problems the proposal takes up, in words with their field', async () => {
    // Demo: prj-001 (运维部) links sp-demo-1.
    expect(data(await cloud.call(as.p001, 'projects', 'get', { id: 'prj-001' }))).toMatchObject({
      problemIds: ['sp-demo-1'],
      problems: [
        {
          id: 'sp-demo-1',
          text: '党建与业务“两张皮”，一手软一手硬，施工现场党员作用看不见',
          field: 'efficiency',
        },
      ],
    })
  })

  it('offers the branch secretary what they may do next', async () => {
    expect(data(await cloud.call(as.p001, 'projects', 'get', { id: IN_PROGRESS })).can).toEqual([
      'save_plan',
      'request_acceptance',
    ])
    expect(data(await cloud.call(as.p057, 'projects', 'get', { id: SUBMITTED })).can).toEqual([
      'approve',
      'return',
    ])
    expect(data(await cloud.call(as.p036, 'projects', 'get', { id: SUBMITTED })).can).toEqual(['withdraw'])
  })

  it('reads the project, plan, timeline, pending 整改, milestone reviews, check-ins, names, the year’s category names and the linked 调研 problems in at most ten database calls (three round trips)', async () => {
    const counter = countCalls(cloud)
    try {
      data(await cloud.call(as.p001, 'projects', 'get', { id: IN_PROGRESS }))
    } finally {
      counter.stop()
    }
    expect(counter.calls.length).toBeLessThanOrEqual(10)
    expect(counter.calls.every((c) => c === 'database.getDocument')).toBe(true)
  })

  it('shows the returned proposal with the committee’s comment, and the draft with what it lacks', async () => {
    const returned = data(await cloud.call(as.p050, 'projects', 'get', { id: RETURNED }))
    expect(returned.events[0]).toMatchObject({
      action: 'return',
      from: 'submitted',
      to: 'returned',
      comment: expect.stringContaining('可衡量的指标'),
    })
    expect(returned.can).toEqual(['edit', 'submit'])
    const draft = data(await cloud.call(as.p043, 'projects', 'get', { id: DRAFT }))
    expect(draft.missingFields).toEqual(['谁来做', '怎么做', '何时做', '做到什么程度'])
    expect(draft.can).toEqual(['edit'])
    expect(draft.planProblems).toEqual(['计划书还没有任务'])
  })

  it('shows a closed project’s score, rubric and satisfaction', async () => {
    const p = data(await cloud.call(as.p057, 'projects', 'get', { id: CLOSED }))
    expect(p.score).toMatchObject({ total: 95, rubric: expect.any(Array) })
    expect(p.rating.count).toBe(18)
    expect(p.rating.average).toBeGreaterThan(4)
    expect(p.can).toEqual(['archive'])
  })

  it('refuses another branch’s member and answers an unknown id with NOT_FOUND', async () => {
    expect(await cloud.call(as.p008, 'projects', 'get', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p002, 'projects', 'get', { id: 'prj-404' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })
})
