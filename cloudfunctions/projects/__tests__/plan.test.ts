import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput } from '../../../types/api'
import { APPROVED, CLOSED, IN_PROGRESS, data, planOf, snapshot } from './helpers'

type PlanInput = ActionInput<'projects', 'savePlan'>

// prj-006 (approved) belongs to 机关党支部: secretary p029, members p030–p035; p002 is of 运维部.
let cloud: TestCloud
const as: Record<string, string> = {}
let seeded: PlanInput

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p029', 'p030', 'p057']) as[id] = await cloud.signIn(id)
  seeded = planOf(data(await cloud.call(as.p029, 'projects', 'get', { id: APPROVED })))
})
afterAll(() => cloud.close())

/** The seeded plan with one change applied to a copy. */
function changed(edit: (p: PlanInput) => void): PlanInput {
  const copy = structuredClone(seeded)
  edit(copy)
  return copy
}

describe('projects.savePlan refusals (nothing written)', () => {
  it.each([
    [
      'an assignee of another branch',
      (p: PlanInput) => (p.tasks[0].assigneeIds = ['p002']),
      'tasks.0.assigneeIds.0',
      '不是机关党支部的党员',
    ],
    [
      'an owner of another branch',
      (p: PlanInput) => (p.tasks[1].milestones[0].ownerId = 'p002'),
      'tasks.1.milestones.0.ownerId',
      '不是机关党支部的党员',
    ],
    [
      'an unknown person',
      (p: PlanInput) => (p.tasks[0].assigneeIds = ['p999']),
      'tasks.0.assigneeIds.0',
      '没有这个人',
    ],
    [
      'a deadline before the project’s year',
      (p: PlanInput) => (p.tasks[0].milestones[0].deadline = '2025-12-31'),
      'tasks.0.milestones.0.deadline',
      '时限要求应在 2026 年至 2031 年之间',
    ],
    [
      'a deadline far in the future',
      (p: PlanInput) => (p.tasks[0].milestones[1].deadline = '2040-01-01'),
      'tasks.0.milestones.1.deadline',
      '时限要求应在 2026 年至 2031 年之间',
    ],
    [
      'a day that does not exist',
      (p: PlanInput) => (p.tasks[1].milestones[1].deadline = '2027-02-30'),
      'tasks.1.milestones.1.deadline',
      '不是有效的日期',
    ],
    [
      'a milestone id of another project',
      (p: PlanInput) => (p.tasks[0].milestones[0].id = 'prj-001-m1'),
      'tasks.0.milestones.0.id',
      '编号不属于这个项目',
    ],
    [
      'a task id the project does not have',
      (p: PlanInput) => (p.tasks[0].id = 't9'),
      'tasks.0.id',
      '编号不属于这个项目',
    ],
    [
      'the same milestone twice',
      (p: PlanInput) => (p.tasks[1].milestones[0].id = p.tasks[0].milestones[0].id),
      'tasks.1.milestones.0.id',
      '编号重复',
    ],
    [
      'a checklist id the project does not have',
      (p: PlanInput) => (p.checklist[0].id = 'c99'),
      'checklist.0.id',
      '编号不属于这个项目',
    ],
  ])('refuses %s with INVALID_INPUT and the field', async (_what, edit, path, message) => {
    const before = snapshot(cloud, APPROVED)
    const res = await cloud.call(as.p029, 'projects', 'savePlan', changed(edit))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path, message }] })
    expect(snapshot(cloud, APPROVED)).toEqual(before)
  })

  it.each([
    [
      'an overlong milestone title',
      (p: PlanInput) => (p.tasks[0].milestones[0].title = '节'.repeat(61)),
      'tasks.0.milestones.0.title',
    ],
    [
      'a weight over 100',
      (p: PlanInput) => (p.tasks[0].milestones[0].weight = 101),
      'tasks.0.milestones.0.weight',
    ],
    [
      'a date in the wrong format',
      (p: PlanInput) => (p.tasks[0].milestones[0].deadline = '2026/12/31'),
      'tasks.0.milestones.0.deadline',
    ],
    [
      'an overlong quality standard',
      (p: PlanInput) => (p.tasks[0].milestones[0].qualityStandard = '质'.repeat(301)),
      'tasks.0.milestones.0.qualityStandard',
    ],
    ['an empty task title', (p: PlanInput) => (p.tasks[1].title = ' '), 'tasks.1.title'],
  ])('refuses %s before reading anything', async (_what, edit, path) => {
    const before = snapshot(cloud, APPROVED)
    const res = await cloud.call(as.p029, 'projects', 'savePlan', changed(edit))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
    expect(snapshot(cloud, APPROVED)).toEqual(before)
  })

  it('refuses members, other branches’ secretaries and the committee', async () => {
    const before = snapshot(cloud, APPROVED)
    for (const who of ['p030', 'p001', 'p057']) {
      expect(await cloud.call(as[who], 'projects', 'savePlan', seeded)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    expect(snapshot(cloud, APPROVED)).toEqual(before)
  })

  it('refuses a closed project and an unknown one', async () => {
    expect(
      await cloud.call(as.p001, 'projects', 'savePlan', { id: CLOSED, tasks: [], checklist: [] }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“已结题”，不能保存计划书',
    })
    expect(await cloud.call(as.p029, 'projects', 'savePlan', { ...seeded, id: 'prj-404' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('never drops a milestone that was submitted or approved', async () => {
    const running = planOf(data(await cloud.call(as.p001, 'projects', 'get', { id: IN_PROGRESS })))
    const before = snapshot(cloud, IN_PROGRESS)
    running.tasks[0].milestones.pop()
    const res = await cloud.call(as.p001, 'projects', 'savePlan', running)
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'tasks', message: '里程碑“支部大会审议通过并印发”已提交过成果，不能删除' }],
    })
    expect(snapshot(cloud, IN_PROGRESS)).toEqual(before)
  })
})

describe('projects.savePlan', () => {
  it('stores the plan unchanged when sent back unchanged, bumping only the version', async () => {
    const before = snapshot(cloud, APPROVED)
    const res = data(await cloud.call(as.p029, 'projects', 'savePlan', seeded))
    expect(res).toEqual({ id: APPROVED, status: 'approved', version: 2, planProblems: [] })
    const after = snapshot(cloud, APPROVED)
    // Unchanged milestones are not rewritten (each write is a round trip inside the transaction).
    expect(after.milestones).toEqual(before.milestones)
    expect(after.events).toBe(before.events + 1)
    expect(planOf(data(await cloud.call(as.p029, 'projects', 'get', { id: APPROVED })))).toEqual(seeded)
  })

  it('gives new items ids, drops open milestones left out, and reports what blocks the start', async () => {
    const plan = changed((p) => {
      p.tasks[1].milestones = [
        { title: '新节点', weight: 10, ownerId: null, deadline: null, qualityStandard: '', expectedGoal: '' },
      ]
      p.tasks.push({ title: '新任务', assigneeIds: [], milestones: [] })
      p.checklist.push({ text: '新清单项', done: false })
    })
    const res = data(await cloud.call(as.p029, 'projects', 'savePlan', plan))
    expect(res.planProblems).toEqual([
      '里程碑“新节点”缺少：责任人、时限要求、质量标准、预期目标',
      '任务“新任务”还没有里程碑',
      '任务“新任务”还没有落实到人',
    ])
    const milestones = cloud.db.find('milestones', { projectId: APPROVED }, { sort: { order: 1 } })
    expect(milestones.map((m) => m.title)).toEqual(['开通指尖课堂栏目', '首批12节微课上线', '新节点'])
    expect(milestones[2]).toMatchObject({
      _id: expect.stringMatching(/^m-[0-9a-f]{16}$/),
      status: 'open',
      ownerId: '',
    })
    const detail = data(await cloud.call(as.p029, 'projects', 'get', { id: APPROVED }))
    expect(detail.tasks[2].id).toMatch(/^t-[0-9a-f]{16}$/)
    expect(detail.checklist[4]).toMatchObject({ id: expect.stringMatching(/^c-/), text: '新清单项' })
    expect(detail.can).toEqual(['save_plan'])
    expect(await cloud.call(as.p029, 'projects', 'start', { id: APPROVED })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'tasks.1.milestones.0' }, { path: 'tasks.2' }, { path: 'tasks.2' }],
    })
  })

  it('rolls progress up from milestone weights, counting approved ones as done', async () => {
    const running = planOf(data(await cloud.call(as.p001, 'projects', 'get', { id: IN_PROGRESS })))
    data(await cloud.call(as.p001, 'projects', 'savePlan', running))
    expect(cloud.db.find('projects', { _id: IN_PROGRESS })[0].progress).toBe(55)
    running.tasks[1].milestones.push({
      title: '年终总结',
      weight: 100,
      ownerId: 'p002',
      deadline: '2026-12-31',
      qualityStandard: '总结报告经支部审议',
      expectedGoal: '形成经验材料',
    })
    data(await cloud.call(as.p001, 'projects', 'savePlan', running))
    expect(cloud.db.find('projects', { _id: IN_PROGRESS })[0].progress).toBe(28)
  })
})

describe('projects.start', () => {
  it('refuses members and projects not yet approved or already running', async () => {
    expect(await cloud.call(as.p002, 'projects', 'start', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p001, 'projects', 'start', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目当前状态为“实施中”，不能开始实施',
    })
  })

  it('starts once the plan is complete again', async () => {
    const plan = planOf(data(await cloud.call(as.p029, 'projects', 'get', { id: APPROVED })))
    plan.tasks.pop()
    Object.assign(plan.tasks[1].milestones[0], {
      ownerId: 'p031',
      deadline: '2027-03-31',
      qualityStandard: '课程经支部审核',
      expectedGoal: '党员参学率95%以上',
    })
    expect(data(await cloud.call(as.p029, 'projects', 'savePlan', plan)).planProblems).toEqual([])
    expect(data(await cloud.call(as.p029, 'projects', 'start', { id: APPROVED }))).toMatchObject({
      status: 'in_progress',
    })
  })
})
