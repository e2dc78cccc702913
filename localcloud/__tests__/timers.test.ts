import { nextFire, startTimers } from '../timers'
import type { LoadedFunction } from '../functions'

describe('nextFire (WeChat 7-field cron, Beijing time)', () => {
  it('fires at 09:00 Beijing time, which is 01:00 UTC', () => {
    const from = new Date('2026-11-25T02:00:00Z')
    expect(nextFire('0 0 9 * * * *', from)?.toISOString()).toBe('2026-11-26T01:00:00.000Z')
  })

  it('honours seconds and weekdays', () => {
    const friday = new Date('2026-11-27T00:00:00Z')
    // Monday 2026-11-30 08:30:15 Beijing = 00:30:15 UTC.
    expect(nextFire('15 30 8 * * 1 *', friday)?.toISOString()).toBe('2026-11-30T00:30:15.000Z')
  })

  it('honours the year field and stops when the years run out', () => {
    const from = new Date('2026-06-01T00:00:00Z')
    expect(nextFire('0 0 0 1 1 * 2028', from)?.toISOString()).toBe('2027-12-31T16:00:00.000Z')
    expect(nextFire('0 0 0 1 1 * 2020', from)).toBeNull()
  })

  it('refuses anything but seven fields', () => {
    expect(() => nextFire('0 9 * * *', new Date())).toThrow('7 个字段')
    expect(() => nextFire('0 0 9 * * * 20x6', new Date())).toThrow('年份字段无效')
  })
})

describe('startTimers', () => {
  it('fires a per-second trigger and stops when told', async () => {
    const fired: string[] = []
    const fn = {
      name: 'reminders',
      main: async () => null,
      config: { triggers: [{ name: 'tick', type: 'timer' as const, config: '* * * * * * *' }] },
    } satisfies LoadedFunction
    const stop = startTimers([fn], async (f, trigger) => {
      fired.push(`${f.name}/${trigger}`)
    })
    await new Promise((r) => setTimeout(r, 2300))
    stop()
    const count = fired.length
    expect(count).toBeGreaterThanOrEqual(1)
    expect(fired[0]).toBe('reminders/tick')
    await new Promise((r) => setTimeout(r, 1200))
    expect(fired.length).toBe(count)
  })
})
