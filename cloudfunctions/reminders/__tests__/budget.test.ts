import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { dueWithCredits, fireSweep, messagesOf, outboxTo, setNow } from './helpers'

// Tuesday 2031-03-04, 10:00 in China.
const NOW = '2031-03-04T02:00:00Z'
const OWNERS = Array.from({ length: 20 }, (_, i) => `p${String(i + 2).padStart(3, '0')}`)

let cloud: TestCloud

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  setNow(NOW)
  dueWithCredits(cloud, OWNERS, 'tb', NOW)
})
afterAll(async () => {
  delete process.env.LOCALCLOUD_TIMER_BUDGET_MS
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

describe('a sweep out of time', () => {
  it('stops sending, and the next sweep sends the rest: every push once, none lost', async () => {
    // A budget already spent: the sweep writes what it planned, sends one push and leaves the rest.
    process.env.LOCALCLOUD_TIMER_BUDGET_MS = '0'
    const first = await fireSweep(cloud)
    expect(first).toMatchObject({ written: 20, sent: 1, deferred: 19, outOfTime: true })
    const held = messagesOf(cloud, { itemId: { $regex: '^tb-' }, pushState: 'deferred' })
    expect(held).toHaveLength(19)

    delete process.env.LOCALCLOUD_TIMER_BUDGET_MS
    setNow(new Date(new Date(NOW).getTime() + 10 * 60_000).toISOString())
    const second = await fireSweep(cloud)
    expect(second).toMatchObject({ written: 0, sent: 19, outOfTime: false })
    const messages = messagesOf(cloud, { itemId: { $regex: '^tb-' } })
    expect(messages).toHaveLength(20)
    expect(messages.every((m) => m.pushState === 'sent')).toBe(true)
    expect(OWNERS.map((p) => outboxTo(cloud, p).length)).toEqual(OWNERS.map(() => 1))
  })
})
