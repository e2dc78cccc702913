import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import {
  MILESTONE_TEMPLATE,
  addLatency,
  addMilestone,
  dayAfter,
  fireSweep,
  ledger,
  messagesOf,
  outboxTo,
  setNow,
  subscribe,
} from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p002', 'p006']) as[id] = await cloud.signIn(id)
})
afterAll(async () => {
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

/** How many outbox entries carry each (person, page): a reminder pushed twice would show as 2. */
const sendsPerPage = () => {
  const counts: Record<string, number> = {}
  for (const s of cloud.db.find('_outbox', {}, { limit: 1000 })) {
    const k = `${String(s.touser)} ${String(s.page)}`
    counts[k] = (counts[k] ?? 0) + 1
  }
  return counts
}

describe('two sweeps at once', () => {
  // Tuesday 2031-03-04, 10:00 in China.
  const NOW = '2031-03-04T02:00:00Z'

  it('write each message once and push each once, spending one credit each', async () => {
    setNow(NOW)
    addMilestone(cloud, 'cc-1', 'p002', dayAfter(NOW, 1))
    addMilestone(cloud, 'cc-2', 'p002', dayAfter(NOW, 2))
    addMilestone(cloud, 'cc-3', 'p006', dayAfter(NOW, 3))
    // p002 accepts twice (two credits), p006 three times: more than enough for one push each.
    await subscribe(cloud, as.p002, [MILESTONE_TEMPLATE])
    await subscribe(cloud, as.p002, [MILESTONE_TEMPLATE])
    for (let i = 0; i < 3; i++) await subscribe(cloud, as.p006, [MILESTONE_TEMPLATE])

    const undo = addLatency(cloud)
    const [a, b] = await Promise.all([fireSweep(cloud), fireSweep(cloud)])
    undo()
    // Both found the same three due; each was written by exactly one of them.
    expect([a.planned, b.planned]).toEqual([3, 3])
    expect(a.existing + b.existing).toBe(3)

    const messages = messagesOf(cloud, { itemId: { $in: ['cc-1', 'cc-2', 'cc-3'] } })
    expect(messages.map((m) => m.key).sort()).toEqual([
      'milestone_due:p002:cc-1:2031-03-05',
      'milestone_due:p002:cc-2:2031-03-06',
      'milestone_due:p006:cc-3:2031-03-07',
    ])
    expect(a.written + b.written).toBe(3)
    expect(a.sent + b.sent).toBe(3)
    expect(messages.every((m) => m.pushState === 'sent')).toBe(true)
    expect(sendsPerPage()).toEqual({
      'demo-openid-p002 pages/milestone-submit/index?id=cc-1': 1,
      'demo-openid-p002 pages/milestone-submit/index?id=cc-2': 1,
      'demo-openid-p006 pages/milestone-submit/index?id=cc-3': 1,
    })
    expect([ledger(cloud, 'p002'), ledger(cloud, 'p006')]).toEqual([0, 2])
    expect(cloud.db.count('reminder_log', { outcome: 'sent' })).toBe(3)
  })
})

describe('quiet hours (22:00–07:00 China time)', () => {
  // Tuesday 2031-04-01, 23:00 in China; the milestones above are long out of every window.
  const NIGHT = '2031-04-01T15:00:00Z'
  const MORNING = '2031-04-01T23:05:00Z' // Wednesday 07:05

  it('write the message at once but hold the push', async () => {
    setNow(NIGHT)
    addMilestone(cloud, 'qq-1', 'p002', dayAfter(NIGHT, 1))
    await subscribe(cloud, as.p002, [MILESTONE_TEMPLATE])
    const before = cloud.db.count('_outbox')
    const night = await fireSweep(cloud)
    expect(night).toMatchObject({ written: 1, deferred: 1, sent: 0 })
    expect(messagesOf(cloud, { itemId: 'qq-1' })).toMatchObject([{ pushState: 'deferred', read: false }])
    expect(cloud.db.count('_outbox')).toBe(before)
    expect(ledger(cloud, 'p002')).toBe(1)
  })

  it('send it on the first sweep after, once, even when two sweeps run at once', async () => {
    setNow(MORNING)
    const undo = addLatency(cloud)
    const [a, b] = await Promise.all([fireSweep(cloud), fireSweep(cloud)])
    undo()
    expect(a.sent + b.sent).toBe(1)
    expect(a.written + b.written).toBe(0)
    expect(
      outboxTo(cloud, 'p002').filter((s) => s.page === 'pages/milestone-submit/index?id=qq-1'),
    ).toHaveLength(1)
    expect(messagesOf(cloud, { itemId: 'qq-1' })).toMatchObject([{ pushState: 'sent' }])
    expect(ledger(cloud, 'p002')).toBe(0)

    const later = await fireSweep(cloud)
    expect(later).toMatchObject({ sent: 0, written: 0 })
    expect(
      outboxTo(cloud, 'p002').filter((s) => s.page === 'pages/milestone-submit/index?id=qq-1'),
    ).toHaveLength(1)
  })
})
