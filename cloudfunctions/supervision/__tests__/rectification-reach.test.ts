import { chinaDay } from '../../../domain/checkins'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { data } from '../../projects/__tests__/helpers'
import { fireSweep, messagesOf, setNow } from '../../reminders/__tests__/helpers'

// Demo: p001 secretary of 运维部 (b-yunwei; p002 a member), p057–p060 committee; p059 supervises 运维部.
// prj-001 is 运维部's running project. A rectification must reach its owner without typing an address: a
// message, the 整改任务 list (the home tile's), a notice on the project, a reminder near the deadline, and an
// escalation to the supervisor once it is overdue.
let cloud: TestCloud
const as: Record<string, string> = {}
const DAY = 24 * 3600 * 1000
const inDays = (n: number) => chinaDay(new Date(Date.now() + n * DAY))
/** 10:00 China time on a China day: outside quiet hours. */
const tenOClock = (day: string) => `${day}T02:00:00.000Z`

let spotCheckId = ''
let rid = ''

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p057', 'p059']) as[id] = await cloud.signIn(id)
  const check = data(
    await cloud.call(as.p057, 'supervision', 'createSpotCheck', {
      requestId: 'reach-check-1',
      size: 1,
      branchId: 'b-yunwei',
    }),
  )
  spotCheckId = check.id
})
afterAll(() => {
  setNow(null)
  return cloud.close()
})

const picked = () =>
  (cloud.db.find('spot_checks', { _id: spotCheckId })[0] as { picked: { projectId: string }[] }).picked[0]
    .projectId

describe('a rectification reaches its owner', () => {
  it('is a message in the secretary’s 消息 at once, opening the spot check', async () => {
    const made = data(
      await cloud.call(as.p057, 'supervision', 'addRectification', {
        id: spotCheckId,
        projectId: picked(),
        text: '补齐党员写实记录和现场照片',
        deadline: inDays(2),
      }),
    )
    rid = made.id
    const [m] = messagesOf(cloud, { personId: 'p001', kind: 'rectification_assigned' })
    expect(m).toMatchObject({
      title: '收到整改任务',
      itemId: rid,
      page: `/packages/admin/pages/spot-check/index?id=${spotCheckId}`,
      read: false,
    })
    expect(m.body).toContain('补齐党员写实记录和现场照片')
  })

  it('is listed in 整改任务 for the secretary and the supervisor, never for a member', async () => {
    const mine = data(await cloud.call(as.p001, 'supervision', 'myRectifications', {}))
    expect(mine).toMatchObject({ open: 1, overdue: 0 })
    expect(mine.items[0]).toMatchObject({ id: rid, spotCheckId, status: 'open', can: ['complete'] })
    const supervisor = data(await cloud.call(as.p059, 'supervision', 'myRectifications', {}))
    expect(supervisor.items.map((r) => r.id)).toContain(rid)
    expect(await cloud.call(as.p002, 'supervision', 'myRectifications', {})).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  it('is a notice on the project for its secretary and the committee, not for members', async () => {
    const seen = data(await cloud.call(as.p001, 'projects', 'get', { id: picked() }))
    expect(seen.rectifications).toEqual([
      {
        id: rid,
        spotCheckId,
        text: '补齐党员写实记录和现场照片',
        deadline: inDays(2),
        status: 'open',
        overdue: false,
      },
    ])
    expect(data(await cloud.call(as.p057, 'projects', 'get', { id: picked() })).rectifications).toHaveLength(
      1,
    )
    expect(data(await cloud.call(as.p002, 'projects', 'get', { id: picked() })).rectifications).toEqual([])
  })

  it('reminds the owner near the deadline, once', async () => {
    setNow(tenOClock(inDays(1)))
    await fireSweep(cloud)
    await fireSweep(cloud)
    const due = messagesOf(cloud, { kind: 'rectification_due', itemId: rid })
    expect(due.map((m) => m.personId)).toEqual(['p001'])
    expect(due[0].body).toContain('还有 1 天到期')
  })

  it('escalates to the branch’s supervisor once it is overdue, and not once it is reported done', async () => {
    setNow(tenOClock(inDays(3)))
    await fireSweep(cloud)
    const late = messagesOf(cloud, { kind: 'rectification_overdue', itemId: rid })
    expect(late.map((m) => m.personId)).toEqual(['p059'])
    expect(late[0]).toMatchObject({
      title: '整改逾期督办',
      page: `/packages/admin/pages/spot-check/index?id=${spotCheckId}`,
    })
    expect(late[0].body).toContain('已逾期 1 天')

    data(await cloud.call(as.p001, 'supervision', 'completeRectification', { id: rid, note: '已补齐' }))
    setNow(tenOClock(inDays(4)))
    await fireSweep(cloud)
    expect(messagesOf(cloud, { kind: 'rectification_overdue', itemId: rid })).toHaveLength(1)
    const notice = data(await cloud.call(as.p001, 'projects', 'get', { id: picked() })).rectifications
    expect(notice).toMatchObject([{ id: rid, status: 'done' }])
  })
})
