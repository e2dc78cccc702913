import { installOpenApi } from '../../../localcloud/openapi'
import { nativeSdk } from '../../../localcloud/sdk-modules'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { dueWithCredits, fireSweep, ledger, messagesOf, setNow } from './helpers'

// Tuesday 2031-03-04, 10:00 in China.
const NOW = '2031-03-04T02:00:00Z'
const OWNERS = Array.from({ length: 20 }, (_, i) => `p${String(i + 2).padStart(3, '0')}`)

let cloud: TestCloud
const attempts: string[] = []

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  setNow(NOW)
  // Twenty members with a due milestone each, every one holding a credit on both sides.
  dueWithCredits(cloud, OWNERS, 'ff', NOW)
})
afterAll(async () => {
  installOpenApi()
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

describe('when WeChat fails for another reason than 43101', () => {
  it('logs each failure with its code, gives the credit back, and stops calling after five in a row', async () => {
    // WeChat is down: every send answers a system error.
    ;(nativeSdk() as unknown as { openapi: unknown }).openapi = {
      subscribeMessage: {
        send: async (args: { touser: string }) => {
          attempts.push(args.touser)
          throw Object.assign(new Error('system error'), { errCode: -1, errMsg: 'system error' })
        },
      },
    }
    const summary = await fireSweep(cloud)
    installOpenApi()

    const messages = messagesOf(cloud, { itemId: { $regex: '^ff-' } })
    expect(messages).toHaveLength(20)
    const failed = messages.filter((m) => m.pushState === 'failed')
    const deferred = messages.filter((m) => m.pushState === 'deferred')
    // Sends already in flight finish; after five errors in a row no new one starts.
    expect(attempts.length).toBeGreaterThanOrEqual(5)
    expect(attempts.length).toBeLessThan(20)
    expect(failed).toHaveLength(attempts.length)
    expect(failed.every((m) => m.pushReason === '-1')).toBe(true)
    expect(deferred).toHaveLength(20 - attempts.length)
    expect(summary).toMatchObject({ written: 20, failed: attempts.length, deferred: 20 - attempts.length })
    expect(cloud.db.count('reminder_log', { outcome: 'failed', reason: '-1' })).toBe(attempts.length)
    // WeChat never took the credit, so ours is still there.
    expect(OWNERS.map((p) => ledger(cloud, p))).toEqual(OWNERS.map(() => 1))
  })

  it('never retries a failed push; the ones held back go out on the next sweep', async () => {
    const failedBefore = messagesOf(cloud, { pushState: 'failed' }).map((m) => m._id)
    setNow(new Date(new Date(NOW).getTime() + 10 * 60 * 1000).toISOString())
    const summary = await fireSweep(cloud)
    expect(summary).toMatchObject({ written: 0, sent: 20 - failedBefore.length, failed: 0 })
    expect(messagesOf(cloud, { _id: { $in: failedBefore } }).every((m) => m.pushState === 'failed')).toBe(
      true,
    )
    expect(cloud.db.count('_outbox')).toBe(20 - failedBefore.length)
    expect(await fireSweep(cloud)).toMatchObject({ sent: 0, failed: 0 })
  })
})
