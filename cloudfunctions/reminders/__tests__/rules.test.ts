import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { addMilestone, countCalls, data, dayAfter, fireSweep, messagesOf, setNow } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p002', 'p003']) as[id] = await cloud.signIn(id)
})
afterAll(async () => {
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

describe('a sweep with nothing due', () => {
  it('costs at most 10 database calls, all of them reads', async () => {
    setNow('2035-06-05T02:00:00Z') // a Tuesday, 10:00 in China
    const counter = countCalls(cloud)
    const summary = await fireSweep(cloud)
    counter.stop()
    expect(summary).toMatchObject({ planned: 0, written: 0 })
    expect(counter.calls.length).toBeLessThanOrEqual(10)
    // Seven range reads, and on the 5th of a month an eighth: the 定期检查 plans (a period may have just ended).
    expect(counter.calls).toEqual(Array(8).fill('database.getDocument'))
  })
})

describe('a sweep in the middle of a month', () => {
  it('does not read the 定期检查 plans: no period can end or have just ended', async () => {
    setNow('2035-06-12T02:00:00Z') // a Tuesday, 10:00 in China
    const counter = countCalls(cloud)
    await fireSweep(cloud)
    counter.stop()
    expect(counter.calls).toEqual(Array(7).fill('database.getDocument'))
  })
})

describe('settings', () => {
  it('a kind turned off reaches that person neither in 消息 nor as a push; others still get theirs', async () => {
    const NOW = '2031-05-06T02:00:00Z'
    setNow(NOW)
    data(await cloud.call(as.p002, 'messages', 'saveSettings', { kinds: { milestone_due: false } }))
    addMilestone(cloud, 'off-1', 'p002', dayAfter(NOW, 1))
    addMilestone(cloud, 'off-2', 'p003', dayAfter(NOW, 1))
    const summary = await fireSweep(cloud)
    expect(summary).toMatchObject({ off: 1, written: 1 })
    expect(messagesOf(cloud, { itemId: { $in: ['off-1', 'off-2'] } }).map((m) => m.personId)).toEqual([
      'p003',
    ])

    // Turned on again, the reminder still due arrives on the next sweep.
    data(await cloud.call(as.p002, 'messages', 'saveSettings', { kinds: { milestone_due: true } }))
    expect(await fireSweep(cloud)).toMatchObject({ off: 0, written: 1 })
    expect(messagesOf(cloud, { itemId: 'off-1' }).map((m) => m.personId)).toEqual(['p002'])
  })
})

describe('the weekly digest', () => {
  const MONDAY = '2031-03-10T01:30:00Z' // 09:30 in China

  it('goes to every branch secretary about their branch and to the committee about the company', async () => {
    setNow(MONDAY)
    await fireSweep(cloud)
    const digests = messagesOf(cloud, { kind: 'weekly_digest' })
    const secretaries = cloud.db
      .find('people', { 'grants.role': 'secretary' }, { limit: 1000 })
      .map((p) => String(p._id))
    const committee = cloud.db
      .find('people', { 'grants.role': 'committee' }, { limit: 1000 })
      .map((p) => String(p._id))
    expect(digests.map((d) => d.personId).sort()).toEqual([...secretaries, ...committee].sort())
    const yunwei = digests.find((d) => d.personId === 'p001')
    expect(yunwei).toMatchObject({
      itemId: 'b-yunwei',
      key: 'weekly_digest:p001:b-yunwei:2031-W11',
      page: '/pages/index/index',
      body: expect.stringMatching(/^运维部党支部：实施中项目 \d+ 个，平均进度 \d+%，逾期里程碑 \d+ 个。$/),
    })
    expect(digests.find((d) => d.personId === 'p057')?.body).toMatch(/^全公司：实施中项目 \d+ 个/)
  })

  it('is sent once a week: later sweeps that day skip it for one read', async () => {
    setNow('2031-03-10T02:30:00Z')
    const counter = countCalls(cloud)
    const summary = await fireSweep(cloud)
    counter.stop()
    expect(summary.written).toBe(0)
    expect(counter.calls.length).toBeLessThanOrEqual(10)
  })

  it('is not sent before its hour', async () => {
    setNow('2031-03-17T00:30:00Z') // the next Monday, 08:30 in China
    await fireSweep(cloud)
    expect(messagesOf(cloud, { kind: 'weekly_digest', key: { $regex: '2031-W12' } })).toEqual([])
  })
})
