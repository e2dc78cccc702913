import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { OPEN, RETURNED, WAITING, addLatency, countCalls, data, fileOf, reviewState } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  const people = ['p001', 'p002', 'p004', 'p005', 'p008', 'p026', 'p030', 'p050', 'p053', 'p057', 'p058']
  for (const id of people) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const project = (id: string) => cloud.db.find('projects', { _id: id })[0]

describe('checkins.inbox (待审批)', () => {
  it('shows a secretary the submissions of their own branch, longest waiting first, with the badge count', async () => {
    const page = data(await cloud.call(as.p001, 'checkins', 'inbox', {}))
    expect(page).toMatchObject({ total: 1, page: 1, hasMore: false })
    expect(page.items[0]).toMatchObject({
      milestone: { id: WAITING, title: '建立临时任务责任人台账', round: 2, dueState: 'overdue' },
      project: { id: 'prj-001', branchName: '运维部党支部' },
      task: { id: 't2', title: '推行临时任务“一票直达”' },
      submittedBy: { id: 'p004' },
      evidenceCount: 2,
    })
    expect(data(await cloud.call(as.p001, 'checkins', 'inboxCount', {}))).toEqual({ count: 1 })
  })

  it('shows the committee every branch’s submissions, and a member none', async () => {
    const all = data(await cloud.call(as.p057, 'checkins', 'inbox', { pageSize: 50 }))
    expect(all.total).toBe(5)
    expect(all.items.map((i) => i.project.id).sort()).toEqual([
      'prj-001',
      'prj-002',
      'prj-003',
      'prj-004',
      'prj-014',
    ])
    const times = all.items.map((i) => i.submittedAt ?? '')
    expect(times).toEqual([...times].sort())
    expect(data(await cloud.call(as.p057, 'checkins', 'inboxCount', {}))).toEqual({ count: 5 })
    expect(data(await cloud.call(as.p002, 'checkins', 'inbox', {}))).toMatchObject({ items: [], total: 0 })
    expect(data(await cloud.call(as.p002, 'checkins', 'inboxCount', {}))).toEqual({ count: 0 })
  })

  it('pages', async () => {
    const first = data(await cloud.call(as.p057, 'checkins', 'inbox', { pageSize: 2 }))
    const third = data(await cloud.call(as.p057, 'checkins', 'inbox', { page: 3, pageSize: 2 }))
    expect([first.items.length, first.hasMore, third.items.length, third.hasMore]).toEqual([
      2,
      true,
      1,
      false,
    ])
  })

  it('counts with one database call besides the caller lookup', async () => {
    const counter = countCalls(cloud)
    data(await cloud.call(as.p057, 'checkins', 'inboxCount', {}))
    counter.stop()
    expect(counter.calls).toEqual(['database.getDocument', 'database.calculateDocument'])
  })
})

describe('checkins.getSubmission', () => {
  it('shows the evidence, every round and the check-ins behind it, and what the caller may do', async () => {
    const detail = data(await cloud.call(as.p001, 'checkins', 'getSubmission', { id: WAITING }))
    expect(detail.milestone).toMatchObject({
      status: 'submitted',
      round: 2,
      owner: { id: 'p004' },
      submittedBy: { id: 'p004' },
      evidence: [expect.stringMatching(/^cloud:\/\/local\.localcloud\/uploads\/p004\//), expect.any(String)],
      lastComment: '请补充班组意见征集的现场照片后再提交。',
    })
    expect(detail.history.map((h) => [h.round, h.action, h.to])).toEqual([
      [2, 'submit', 'submitted'],
      [1, 'return', 'returned'],
      [1, 'submit', 'submitted'],
    ])
    expect(detail.checkins.length).toBeGreaterThan(0)
    expect(detail.checkins.every((c) => c.task.id === 't2')).toBe(true)
    expect(detail.task.checkins).toBeGreaterThanOrEqual(detail.checkins.length)
    expect(detail.can).toEqual(['approve', 'return'])
    expect(data(await cloud.call(as.p004, 'checkins', 'getSubmission', { id: WAITING })).can).toEqual([])
  })

  it('refuses members of other branches and unknown milestones', async () => {
    expect(await cloud.call(as.p008, 'checkins', 'getSubmission', { id: WAITING })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p001, 'checkins', 'getSubmission', { id: 'prj-001-m9' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })
})

describe('milestone approval refusals (nothing written)', () => {
  it.each([
    ['a member', 'p002', 'approveMilestone', 'FORBIDDEN', '只有本支部书记或党委可以审批里程碑'],
    [
      'the secretary of another branch',
      'p008',
      'approveMilestone',
      'FORBIDDEN',
      '只有本支部书记或党委可以审批里程碑',
    ],
    [
      'the secretary of another branch returning it',
      'p050',
      'returnMilestone',
      'FORBIDDEN',
      '只有本支部书记或党委可以审批里程碑',
    ],
    ['its owner', 'p004', 'approveMilestone', 'FORBIDDEN', '只有本支部书记或党委可以审批里程碑'],
  ] as const)('refuses %s', async (_who, person, action, code, message) => {
    const before = reviewState(cloud, WAITING)
    const res = await cloud.call(as[person], 'checkins', action, { id: WAITING, comment: '意见' })
    expect(res).toMatchObject({ ok: false, code, message })
    expect(reviewState(cloud, WAITING)).toEqual(before)
  })

  it('refuses an open milestone and an unknown one', async () => {
    const before = reviewState(cloud, OPEN)
    expect(await cloud.call(as.p001, 'checkins', 'approveMilestone', { id: OPEN })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '里程碑当前状态为“进行中”，不能审核通过',
    })
    expect(reviewState(cloud, OPEN)).toEqual(before)
    expect(await cloud.call(as.p001, 'checkins', 'approveMilestone', { id: 'm-404' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('refuses a return without a comment', async () => {
    const before = reviewState(cloud, WAITING)
    const res = await cloud.call(as.p001, 'checkins', 'returnMilestone', { id: WAITING, comment: ' ' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'comment' }] })
    expect(reviewState(cloud, WAITING)).toEqual(before)
  })
})

describe('nobody approves their own submission', () => {
  it('refuses a secretary deciding on a milestone they submitted themselves', async () => {
    // The secretary of 运维部 owns the open milestone here for the test, and submits it.
    const { p001 } = as
    const plan = data(await cloud.call(p001, 'projects', 'get', { id: 'prj-001' }))
    const body = {
      id: plan.id,
      checklist: plan.checklist,
      tasks: plan.tasks.map((t) => ({
        id: t.id,
        title: t.title,
        assigneeIds: t.assignees.map((a) => a.id),
        milestones: t.milestones.map((m) => ({
          id: m.id,
          title: m.title,
          weight: m.weight,
          ownerId: m.id === OPEN ? 'p001' : (m.owner?.id ?? null),
          deadline: m.deadline,
          qualityStandard: m.qualityStandard,
          expectedGoal: m.expectedGoal,
        })),
      })),
    }
    data(await cloud.call(p001, 'projects', 'savePlan', body))
    data(await cloud.call(p001, 'checkins', 'submitMilestone', { id: OPEN, description: '已完成抽查' }))
    expect(data(await cloud.call(p001, 'checkins', 'inbox', {})).items.map((i) => i.milestone.id)).toEqual([
      WAITING,
    ])
    const before = reviewState(cloud, OPEN)
    expect(await cloud.call(p001, 'checkins', 'approveMilestone', { id: OPEN })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '不能审批自己提交的成果',
    })
    expect(reviewState(cloud, OPEN)).toEqual(before)
    // The committee may decide on it; it appears in their inbox.
    const committee = data(await cloud.call(as.p057, 'checkins', 'inbox', { pageSize: 50 }))
    expect(committee.items.map((i) => i.milestone.id)).toContain(OPEN)
  })
})

describe('approving and returning', () => {
  it('approves a submission, raising the project’s progress in the same step, and records it', async () => {
    expect(project('prj-001').progress).toBe(55)
    const version = project('prj-001').version as number
    const res = data(
      await cloud.call(as.p001, 'checkins', 'approveMilestone', { id: WAITING, comment: '同意' }),
    )
    expect(res).toEqual({ id: WAITING, status: 'approved', round: 2, projectProgress: 80 })
    expect(project('prj-001')).toMatchObject({ progress: 80, version: version + 1 })
    const m = cloud.db.find('milestones', { _id: WAITING })[0]
    expect(m).toMatchObject({ status: 'approved', decidedBy: 'p001', lastComment: '同意' })
    expect(cloud.db.find('milestone_submissions', { _id: `${WAITING}-r2-decision` })[0]).toMatchObject({
      action: 'approve',
      from: 'submitted',
      to: 'approved',
      actorId: 'p001',
      comment: '同意',
    })
    const page = data(await cloud.call(as.p001, 'projects', 'get', { id: 'prj-001' }))
    expect(page.progress).toBe(80)
  })

  it('refuses approving or returning it again with CONFLICT', async () => {
    const before = reviewState(cloud, WAITING)
    expect(await cloud.call(as.p057, 'checkins', 'approveMilestone', { id: WAITING })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '里程碑当前状态为“已完成”，不能审核通过',
    })
    expect(
      await cloud.call(as.p057, 'checkins', 'returnMilestone', { id: WAITING, comment: '再看看' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(reviewState(cloud, WAITING)).toEqual(before)
  })

  it('lets exactly one of two approvers decide at once', async () => {
    const id = 'prj-014-m2'
    const undo = addLatency(cloud)
    const [a, b] = await Promise.all([
      cloud.call(as.p050, 'checkins', 'approveMilestone', { id }),
      cloud.call(as.p058, 'checkins', 'approveMilestone', { id }),
    ]).finally(undo)
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect(a.ok ? b : a).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(cloud.db.count('milestone_submissions', { milestoneId: id, action: 'approve' })).toBe(1)
    expect(project('prj-014').progress).toBe(60)
  })

  it('lets one approve while another returns, never both', async () => {
    const id = 'prj-002-m3'
    const undo = addLatency(cloud)
    const [a, b] = await Promise.all([
      cloud.call(as.p008, 'checkins', 'approveMilestone', { id }),
      cloud.call(as.p057, 'checkins', 'returnMilestone', { id, comment: '材料不全' }),
    ]).finally(undo)
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect(cloud.db.count('milestone_submissions', { milestoneId: id, round: 1 })).toBe(2)
  })

  it('approves two milestones of one project at once, both counted in its progress', async () => {
    // prj-004 (人资): m3 of p025 waits; p026 submits m4 too, then two approvers take one each.
    data(
      await cloud.call(as.p026, 'checkins', 'submitMilestone', { id: 'prj-004-m4', description: '轮岗完成' }),
    )
    const undo = addLatency(cloud)
    const results = await Promise.all([
      cloud.call(as.p057, 'checkins', 'approveMilestone', { id: 'prj-004-m3' }),
      cloud.call(as.p058, 'checkins', 'approveMilestone', { id: 'prj-004-m4' }),
    ]).finally(undo)
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(project('prj-004').progress).toBe(100)
  })
})

describe('submitting, returning and submitting again', () => {
  it('returns a submission to its owner with the comment, and keeps every round', async () => {
    const id = RETURNED
    const mine = data(await cloud.call(as.p053, 'checkins', 'myTasks', {}))
    const line = mine.items.find((i) => i.key === id)
    expect(line).toMatchObject({
      canSubmit: true,
      milestone: { status: 'returned', lastComment: '请补充群众满意度调查结果，说明整改闭环情况。' },
    })
    const evidence = [fileOf('p053'), fileOf('p053', 'pdf')]
    const submitted = await cloud.call(as.p053, 'checkins', 'submitMilestone', {
      id,
      description: '已补充满意度调查结果。',
      evidence,
    })
    expect(data(submitted)).toMatchObject({ status: 'submitted', round: 2 })
    expect(cloud.db.find('milestones', { _id: id })[0]).toMatchObject({ evidence, submittedBy: 'p053' })
    const returned = await cloud.call(as.p050, 'checkins', 'returnMilestone', {
      id,
      comment: '请附调查原始表',
    })
    expect(data(returned)).toMatchObject({ status: 'returned', round: 2 })
    data(
      await cloud.call(as.p053, 'checkins', 'submitMilestone', { id, description: '附原始表', evidence: [] }),
    )
    const detail = data(await cloud.call(as.p050, 'checkins', 'getSubmission', { id }))
    expect(detail.milestone).toMatchObject({ round: 3, evidence: [], lastComment: '请附调查原始表' })
    expect(detail.history.map((h) => `${h.round}:${h.action}`)).toEqual([
      '3:submit',
      '2:return',
      '2:submit',
      '1:return',
      '1:submit',
    ])
    expect(detail.history[3].comment).toBe('请补充群众满意度调查结果，说明整改闭环情况。')
    expect(detail.history[2].evidence).toEqual(evidence)
  })

  it('refuses submitting by anyone but the owner, twice, or with foreign evidence', async () => {
    const id = 'prj-014-m4'
    const before = reviewState(cloud, id)
    expect(
      await cloud.call(as.p053, 'checkins', 'submitMilestone', { id, description: '完成' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有里程碑责任人可以提交成果' })
    expect(
      await cloud.call(as.p050, 'checkins', 'submitMilestone', { id: RETURNED, description: '完成' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await cloud.call(as.p053, 'checkins', 'submitMilestone', { id: RETURNED, description: '再交一次' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '里程碑当前状态为“待审核”，不能提交成果' })
    expect(
      await cloud.call(as.p005, 'checkins', 'submitMilestone', {
        id: OPEN,
        description: '完成',
        evidence: [fileOf('p004')],
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'evidence.0' }] })
    expect(await cloud.call(as.p053, 'checkins', 'submitMilestone', { id, description: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'description' }],
    })
    expect(reviewState(cloud, id)).toEqual(before)
  })

  it('refuses submitting in a project that is not being implemented yet', async () => {
    // prj-006 (机关) is approved but not started; p030 owns its first milestone.
    const before = reviewState(cloud, 'prj-006-m1')
    expect(
      await cloud.call(as.p030, 'checkins', 'submitMilestone', { id: 'prj-006-m1', description: '完成' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '项目当前状态为“已立项”，不能提交成果' })
    expect(reviewState(cloud, 'prj-006-m1')).toEqual(before)
  })
})
