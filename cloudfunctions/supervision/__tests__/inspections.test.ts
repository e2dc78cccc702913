import { randomBytes } from 'node:crypto'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import type { MyBranchesView } from '../../../types/functions/supervision'
import { data } from '../../projects/__tests__/helpers'
import { fireSweep, setNow } from '../../reminders/__tests__/helpers'

// 定期检查 on a cadence, with the clock pinned (LOCALCLOUD_NOW) in 2031, years after the demo's own dates.
// Demo: p059 supervises 运维部, 营销部, 安质部 and 人资部; p057 (committee) supervises none; p002 is a member.
const P059_BRANCHES = ['b-anzhi', 'b-renzi', 'b-yingxiao', 'b-yunwei']
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p057', 'p059']) as[id] = await cloud.signIn(id)
})
afterAll(async () => {
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

const call = <A extends ActionName<'supervision'>>(
  who: string,
  action: A,
  payload: ActionInput<'supervision', A>,
) => cloud.call(as[who], 'supervision', action, payload)
const inspect = (branchId: string, date: string, contactId: string) =>
  call('p059', 'createRecord', {
    requestId: randomBytes(12).toString('hex'),
    branchId,
    method: 'inspection',
    date,
    contactId,
    findings: '按计划开展定期检查，台账齐全。',
  })
const reminders = (kind: string) =>
  cloud.db
    .find('messages', { kind }, { sort: { _id: 1 }, limit: 100 })
    .map((m) => `${String(m.personId)} ${String(m.itemId)} ${String(m.key).split(':').pop()}`)
    .sort()

describe('定期检查频次', () => {
  it('is set by the committee only, for this year or the next, for a supervisor with branches', async () => {
    setNow('2031-03-10T02:00:00Z')
    expect(
      await call('p002', 'setCadence', { personId: 'p059', year: 2031, cadence: 'monthly' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await call('p057', 'setCadence', { personId: 'p059', year: 2030, cadence: 'monthly' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '只能设置2031年或2032年的定期检查频次',
    })
    expect(
      await call('p057', 'setCadence', { personId: 'p057', year: 2031, cadence: 'monthly' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(
      await call('p057', 'setCadence', { personId: 'p001', year: 2031, cadence: 'monthly' }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(cloud.db.count('supervision_assignments', { 'inspection.year': 2031 })).toBe(0)

    const set = data(await call('p057', 'setCadence', { personId: 'p059', year: 2031, cadence: 'monthly' }))
    expect(set).toEqual({ personId: 'p059', year: 2031, cadence: 'monthly', branches: 4 })
    const people = data(await call('p057', 'assignments', {})).people
    expect(people.find((p) => p.id === 'p059')?.cadence).toEqual({ thisYear: 'monthly', nextYear: null })
  })

  it('shows the supervisor what is due this period on 我的联系支部', async () => {
    const view = data(await call('p059', 'myBranches', {})) as MyBranchesView
    expect(view.branches.map((b) => b.id).sort()).toEqual(P059_BRANCHES)
    for (const b of view.branches)
      expect(b.inspection).toEqual({
        cadence: 'monthly',
        periodLabel: '2031年3月',
        periodEnd: '2031-03-31',
        doneOn: null,
        daysLeft: 21,
      })
  })
})

describe('定期检查 reminders through the sweep, each exactly once', () => {
  it('due: in the period’s last days, to the supervisor, once', async () => {
    setNow('2031-03-27T02:00:00Z') // 4 days left: not yet
    await fireSweep(cloud)
    expect(reminders('inspection_due')).toEqual([])
    setNow('2031-03-28T02:00:00Z') // 3 days left
    await fireSweep(cloud)
    const due = P059_BRANCHES.map((b) => `p059 ${b} 2031-M03`)
    expect(reminders('inspection_due')).toEqual(due)
    setNow('2031-03-29T02:00:00Z')
    await fireSweep(cloud)
    expect(reminders('inspection_due')).toEqual(due)
  })

  it('overdue just after midnight China time on the 1st, escalated two days later, each once', async () => {
    // 运维部 is inspected on the period's last day; the other three are not.
    setNow('2031-03-31T15:30:00Z') // 23:30 on 31 March in China
    data(await inspect('b-yunwei', '2031-03-31', 'p001'))
    await fireSweep(cloud)
    expect(reminders('inspection_overdue')).toEqual([])

    setNow('2031-03-31T16:05:00Z') // 00:05 on 1 April in China
    await fireSweep(cloud)
    await fireSweep(cloud)
    const late = ['b-anzhi', 'b-renzi', 'b-yingxiao']
    expect(reminders('inspection_overdue')).toEqual(late.map((b) => `p059 ${b} 2031-M03`))
    expect(reminders('inspection_escalated')).toEqual([])

    setNow('2031-04-01T10:00:00Z')
    await fireSweep(cloud)
    expect(reminders('inspection_escalated')).toEqual([])

    // On 2 April 安质部 is inspected before the sweep: not escalated; the other two are, to who set the cadence.
    setNow('2031-04-02T02:00:00Z')
    const anzhiSecretary = cloud.db.find('people', { 'grants.role': 'secretary', branchId: 'b-anzhi' })[0]
    data(await inspect('b-anzhi', '2031-04-02', String(anzhiSecretary._id)))
    await fireSweep(cloud)
    const escalated = ['p057 b-renzi 2031-M03', 'p057 b-yingxiao 2031-M03']
    expect(reminders('inspection_escalated')).toEqual(escalated)
    for (const at of ['2031-04-02T08:00:00Z', '2031-04-03T02:00:00Z', '2031-04-04T02:00:00Z']) {
      setNow(at)
      await fireSweep(cloud)
    }
    expect(reminders('inspection_escalated')).toEqual(escalated)
    expect(reminders('inspection_overdue')).toHaveLength(3)
    const [message] = cloud.db.find('messages', { kind: 'inspection_escalated', itemId: 'b-renzi' })
    expect(message.body).toMatch(/^人资党支部2031年3月的定期检查已逾期 2 天/)
    expect(message.page).toBe('/packages/admin/pages/supervision/index')
  })
})

describe('定期检查 coverage', () => {
  it('counts the branches inspected this period, of those due, for the committee only', async () => {
    setNow('2031-04-04T02:00:00Z')
    expect(await call('p001', 'inspectionCoverage', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const cover = data(await call('p057', 'inspectionCoverage', {}))
    expect(cover).toEqual({
      today: '2031-04-04',
      due: 4,
      checked: 1,
      supervisors: [{ id: 'p059', name: expect.any(String), cadence: 'monthly', due: 4, checked: 1 }],
    })
    const view = data(await call('p059', 'myBranches', {})) as MyBranchesView
    expect(view.branches.find((b) => b.id === 'b-anzhi')?.inspection).toMatchObject({
      doneOn: '2031-04-02',
      periodLabel: '2031年4月',
    })
    expect(view.branches.find((b) => b.id === 'b-yunwei')?.inspection).toMatchObject({ doneOn: null })
  })
})

describe('projects at risk on 我的联系支部: no check-in for 14 days', () => {
  it('flags a running project without a check-in counted in the weeks holding the last 14 days', async () => {
    // Friday 4 April 2031: the 14th day back is Saturday 22 March, in the week of Monday 17 March.
    setNow('2031-04-04T02:00:00Z')
    const before = data(await call('p059', 'myBranches', {})) as MyBranchesView
    const running = before.branches.flatMap((b) =>
      b.projects.filter((p) => p.status === 'in_progress').map((p) => ({ ...p, branchId: b.id })),
    )
    expect(running.length).toBeGreaterThanOrEqual(2)
    // The demo's check-ins are years before: every running project is quiet.
    expect(running.every((p) => p.quiet)).toBe(true)
    const [fresh, stale] = running
    const counter = (p: (typeof running)[number], week: string) => ({
      _id: `project_week:${p.id}:${week}`,
      scope: 'project_week',
      count: 1,
      projectId: p.id,
      branchId: p.branchId,
      week,
    })
    cloud.db.insertMany('checkin_counts', [counter(fresh, '2031-03-17'), counter(stale, '2031-03-10')])

    const after = data(await call('p059', 'myBranches', {})) as MyBranchesView
    const flag = (id: string) => after.branches.flatMap((b) => b.projects).find((p) => p.id === id)?.quiet
    expect(flag(fresh.id)).toBe(false)
    expect(flag(stale.id)).toBe(true)
    const branch = after.branches.find((b) => b.id === fresh.branchId)
    expect(branch?.quietProjects).toBe(branch?.projects.filter((p) => p.quiet).length)
  })
})
