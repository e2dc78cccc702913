import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { addLatency, checkin, countersAndRecount, requestId } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

// Members of running projects and the task they are assigned to: prj-001 (运维), prj-002 (营销), prj-014 (东部).
const WORKERS: [person: string, project: string, task: string][] = [
  ['p002', 'prj-001', 't1'],
  ['p003', 'prj-001', 't1'],
  ['p004', 'prj-001', 't2'],
  ['p005', 'prj-001', 't2'],
  ['p009', 'prj-002', 't1'],
  ['p011', 'prj-002', 't2'],
  ['p051', 'prj-014', 't1'],
  ['p053', 'prj-014', 't2'],
]
const DAY = 24 * 3600 * 1000

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const [id] of WORKERS) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('check-in counters', () => {
  it('hold what the demo’s check-ins add up to', () => {
    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored.stats.length).toBeGreaterThan(10)
    expect(stored).toEqual(recounted)
  })

  it('equal a recount of every check-in after a burst of concurrent check-ins, retries and refusals', async () => {
    const undo = addLatency(cloud, 1)
    const sends = WORKERS.flatMap(([person, projectId, taskId], w) =>
      Array.from({ length: 8 }, (_, k) => {
        // Back-dated days in a scrambled order: the streak then depends on the order they are recorded in.
        const at = new Date(Date.now() - ((k * 5 + w) % 9) * DAY - k * 60_000).toISOString()
        const payload = checkin({ requestId: requestId(), projectId, taskId, at })
        const milestone = k % 3 === 0 ? { milestoneId: `${projectId}-m${taskId === 't1' ? 1 : 3}` } : {}
        const send = () => cloud.call(as[person], 'checkins', 'create', { ...payload, ...milestone })
        // Every fourth is sent three times at once (a flaky network); every seventh is on someone else's task.
        const wrongTask = k % 7 === 6 ? { taskId: taskId === 't1' ? 't2' : 't1' } : {}
        if (k % 7 === 6) return [cloud.call(as[person], 'checkins', 'create', { ...payload, ...wrongTask })]
        return k % 4 === 0 ? [send(), send(), send()] : [send()]
      }),
    ).flat()
    const before = cloud.db.count('checkins')
    const results = await Promise.all(sends).finally(undo)
    const created = results.filter((r) => r.ok && r.data.created).length
    const refused = results.filter((r) => !r.ok)
    expect(refused.every((r) => !r.ok && r.code === 'FORBIDDEN')).toBe(true)
    expect(refused).toHaveLength(WORKERS.length)
    expect(created).toBe(WORKERS.length * 7)
    expect(cloud.db.count('checkins')).toBe(before + created)

    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored).toEqual(recounted)
    const p002 = recounted.stats.find((s) => s._id === 'p002')
    expect(p002?.total).toBe(cloud.db.count('checkins', { personId: 'p002' }))
  })

  it('give every member’s check-ins the sequence numbers 1…n', () => {
    for (const [person] of WORKERS) {
      const seqs = cloud.db
        .find('checkins', { personId: person }, { limit: 1000 })
        .map((c) => c.seq as number)
        .sort((a, b) => a - b)
      expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    }
  })
})
