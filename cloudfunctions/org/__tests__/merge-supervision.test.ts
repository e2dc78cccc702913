import { randomBytes } from 'node:crypto'
import { chinaDay } from '../../../domain/checkins'
import { checkCounters } from '../../../localcloud/counter-check'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import { data } from '../../projects/__tests__/helpers'

// Demo: p059 supervises 运维部, 营销部 (b-yingxiao, secretary p008), 安质部 and 人资部; p060 supervises 城区
// (b-chengqu) and three others; p057 is on the committee and supervises none.
let cloud: TestCloud
const as: Record<string, string> = {}
let chengquSecretary = ''

type Doc = Record<string, unknown>
const find = (c: string, q: Doc = {}) => cloud.db.find(c, q, { sort: { _id: 1 }, limit: 1000 })
const one = (c: string, id: string) => find(c, { _id: id })[0]
const day = (n: number) => chinaDay(new Date(Date.now() + n * 24 * 3600 * 1000))
const year = Number(chinaDay(new Date()).slice(0, 4))
const requestId = () => randomBytes(12).toString('hex')

const sup = <A extends ActionName<'supervision'>>(
  who: string,
  action: A,
  payload: ActionInput<'supervision', A>,
) => cloud.call(as[who], 'supervision', action, payload)
const org = <A extends ActionName<'org'>>(who: string, action: A, payload: ActionInput<'org', A>) =>
  cloud.call(as[who], 'org', action, payload)

beforeAll(async () => {
  cloud = await startTestCloud()
  const secretary = find('people', { branchId: 'b-chengqu' }).find((p) =>
    (p.grants as { role: string }[]).some((g) => g.role === 'secretary'),
  )
  chengquSecretary = secretary!._id as string
  for (const id of ['p008', 'p057', 'p059', 'p060', chengquSecretary]) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const yingxiaoMember = () =>
  find('people', { branchId: 'b-yingxiao' }).find((p) => p._id !== 'p008')!._id as string

describe('督导 follows a branch merge', () => {
  let spotCheckId = ''
  let taskId = ''
  let inspectionId = ''

  beforeAll(async () => {
    data(await sup('p057', 'setCadence', { personId: 'p059', year, cadence: 'quarterly' }))
    data(await sup('p057', 'setCadence', { personId: 'p060', year, cadence: 'monthly' }))
    // 营销部: a 定期检查 yesterday and a call today, each leaving one follow-up open; 城区: a call three days ago.
    inspectionId = data(
      await sup('p059', 'createRecord', {
        requestId: requestId(),
        branchId: 'b-yingxiao',
        method: 'inspection',
        date: day(-1),
        contactId: 'p008',
        findings: '台账齐全，个别照片缺失。',
        followUps: [{ text: '补齐照片', ownerId: yingxiaoMember(), deadline: day(7) }],
      }),
    ).id
    data(
      await sup('p059', 'createRecord', {
        requestId: requestId(),
        branchId: 'b-yingxiao',
        method: 'phone',
        date: day(0),
        contactId: 'p008',
        findings: '进度正常。',
        followUps: [{ text: '报送本月写实', ownerId: 'p008', deadline: day(5) }],
      }),
    )
    data(
      await sup('p060', 'createRecord', {
        requestId: requestId(),
        branchId: 'b-chengqu',
        method: 'phone',
        date: day(-3),
        contactId: chengquSecretary,
        findings: '城区进度正常。',
        followUps: [{ text: '更新台账', ownerId: chengquSecretary, deadline: day(5) }],
      }),
    )
    spotCheckId = data(
      await sup('p057', 'createSpotCheck', { requestId: requestId(), size: 1, branchId: 'b-yingxiao' }),
    ).id
    const picked = (one('spot_checks', spotCheckId).picked as { projectId: string }[])[0].projectId
    taskId = data(
      await sup('p057', 'addRectification', {
        id: spotCheckId,
        projectId: picked,
        text: '补齐党员写实记录',
        deadline: day(30),
      }),
    ).id
    expect(one('rectifications', taskId)).toMatchObject({ ownerId: 'p008', status: 'open' })
  })

  it('营销部 into 城区: 城区 keeps its supervisor and cadence; records, status, checks and tasks follow, once', async () => {
    const p060Plan = one('supervision_assignments', 'p060:b-chengqu').inspection
    const status = {
      yingxiao: one('supervision_branch_status', 'b-yingxiao'),
      chengqu: one('supervision_branch_status', 'b-chengqu'),
    }
    expect(status.yingxiao).toMatchObject({ openFollowUps: 2 })
    expect(status.chengqu).toMatchObject({ openFollowUps: 1 })
    const records = cloud.db.count('supervision_records')

    const res = data(await org('p057', 'mergeUnits', { fromId: 'b-yingxiao', intoId: 'b-chengqu' }))
    expect(res.moved).toMatchObject({ supervisionRecords: 2, rectifications: 1 })

    // 分片督导: B's supervisor and cadence win; A's assignment ends and is not carried over.
    expect(one('supervision_assignments', 'p059:b-yingxiao')).toMatchObject({ active: false })
    expect(one('supervision_assignments', 'p059:b-chengqu')).toBeUndefined()
    expect(one('supervision_assignments', 'p060:b-chengqu')).toMatchObject({
      active: true,
      inspection: p060Plan,
    })
    expect(find('supervision_events', { subjectId: 'p059:b-yingxiao', action: 'unassign' })).toHaveLength(1)

    // 督导记录: moved, not copied, each marked with where it came from.
    expect(cloud.db.count('supervision_records')).toBe(records)
    expect(cloud.db.count('supervision_records', { branchId: 'b-yingxiao' })).toBe(0)
    const moved = find('supervision_records', { 'mergedFrom.branchId': 'b-yingxiao' })
    expect(moved).toHaveLength(2)
    for (const r of moved) expect(r).toMatchObject({ branchId: 'b-chengqu', branchName: '城区供电所党支部' })

    // The status: the later contact (today's call), the later 定期检查 (yesterday), open follow-ups added once.
    expect(one('supervision_branch_status', 'b-yingxiao')).toBeUndefined()
    expect(one('supervision_branch_status', 'b-chengqu')).toMatchObject({
      openFollowUps: 3,
      lastMethod: 'phone',
      lastRecordId: status.yingxiao.lastRecordId,
      lastInspectionDate: status.yingxiao.lastInspectionDate,
    })

    // 城区's secretary now sees the records (marked), the check and the task, which is theirs to report.
    const list = data(await sup(chengquSecretary, 'listRecords', { page: 1, pageSize: 20 }))
    const mine = list.items.find((r) => r.id === inspectionId)
    expect(mine?.mergedNote).toMatch(/^原「营销部党支部」记录，\d{4}年\d+月\d+日并入$/)
    const check = data(await sup(chengquSecretary, 'getSpotCheck', { id: spotCheckId }))
    expect(check.picked).toHaveLength(1)
    expect(check.picked[0]).toMatchObject({ branchId: 'b-chengqu' })
    expect(one('spot_checks', spotCheckId).branchIds).toEqual(['b-chengqu'])
    const task = check.rectifications.find((r) => r.id === taskId)!
    expect(task).toMatchObject({ owner: { id: chengquSecretary }, can: ['complete'] })
    expect(task.mergedNote).toMatch(/^原「营销部党支部」整改/)
    expect(
      data(await sup(chengquSecretary, 'completeRectification', { id: taskId, note: '已补齐' })),
    ).toMatchObject({
      status: 'done',
    })
    // The old secretary is a member now: no longer theirs.
    expect(await sup('p008', 'getSpotCheck', { id: spotCheckId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })

    // Told in 消息: the merged branch's people, 城区's secretary (with the task), the supervisor whose slice ended.
    const told = (personId: string) =>
      find('messages', { personId, kind: 'org_changed', itemId: 'merged:b-yingxiao' }).map(
        (m) => m.body as string,
      )
    expect(told('p008')[0]).toContain('并入「城区供电所党支部」')
    expect(told(chengquSecretary)[0]).toContain('其中 1 项未完成的整改任务今后由你负责')
    expect(told('p059')[0]).toContain('分片督导已结束')
    expect(told('p060')).toEqual([])

    // Counters, dashboards and 督导 statuses: all equal after the merge; a status counted twice would show.
    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    const doubled = {
      find: (c: string, q: Doc, o: object) =>
        cloud.db
          .find(c, q, o)
          .map((d) =>
            c === 'supervision_branch_status' && d._id === 'b-chengqu'
              ? { ...d, openFollowUps: (d.openFollowUps as number) + 2 }
              : d,
          ),
    } as unknown as typeof cloud.db
    expect(checkCounters(doubled).mismatches).toEqual([
      expect.objectContaining({ collection: 'supervision_branch_status', _id: 'b-chengqu' }),
    ])
  })

  it('into a branch nobody supervises: the supervisor carries on with it, cadence and all', async () => {
    const made = data(
      await org('p057', 'createUnit', { kind: 'branch', name: '新设供电所党支部', parentId: 'u-committee' }),
    )
    const plan = one('supervision_assignments', 'p059:b-anzhi').inspection
    expect(plan).toEqual([expect.objectContaining({ year, cadence: 'quarterly' })])
    data(await org('p057', 'mergeUnits', { fromId: 'b-anzhi', intoId: made.id }))
    expect(one('supervision_assignments', 'p059:b-anzhi')).toMatchObject({ active: false })
    expect(one('supervision_assignments', `p059:${made.id}`)).toMatchObject({
      active: true,
      inspection: plan,
    })
    const told = find('messages', { personId: 'p059', kind: 'org_changed', itemId: 'merged:b-anzhi' })
    expect(told[0].body).toContain('你改为联系指导「新设供电所党支部」')
    // The supervisor's page lists the new branch.
    const branches = data(await sup('p059', 'myBranches', {}))
    expect(JSON.stringify(branches)).toContain(made.id)
    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('a refused merge changes no 督导', async () => {
    const before = JSON.stringify([
      find('supervision_assignments'),
      find('supervision_records'),
      find('rectifications'),
    ])
    expect(await org('p057', 'mergeUnits', { fromId: 'b-chengqu', intoId: 'b-chengqu' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await org('p008', 'mergeUnits', { fromId: 'b-chengqu', intoId: 'b-dongbu' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      JSON.stringify([find('supervision_assignments'), find('supervision_records'), find('rectifications')]),
    ).toBe(before)
  })
})
