import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { checkin, countersAndRecount, RUNNING } from './helpers'

// Always the `cloud` profile: transactions are optimistic and conflict, every request is a round trip.
let cloud: TestCloud
const BRANCH_SIZE = 50
const people = Array.from({ length: BRANCH_SIZE }, (_, i) => `p9${String(i).padStart(2, '0')}`)
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud({ profile: 'cloud' })
  // Fifty members of 运维部, all on task t1 of prj-001: a branch checking in together after a meeting.
  const [template] = cloud.db.find('people', { _id: 'p002' })
  cloud.db.insertMany(
    'people',
    people.map((id) => ({ ...template, _id: id, openid: `openid-${id}`, name: `党员${id}` })),
  )
  const [project] = cloud.db.find('projects', { _id: RUNNING })
  const tasks = (project.tasks as { id: string; assigneeIds: string[] }[]).map((t) =>
    t.id === 't1' ? { ...t, assigneeIds: [...t.assigneeIds, ...people] } : t,
  )
  await cloud.db.handle('database.modifyDocument', {
    collectionName: 'projects',
    query: JSON.stringify({ _id: RUNNING }),
    data: JSON.stringify({ $set: { tasks } }),
    queryType: 'DOC',
    merge: true,
  })
  for (const id of people) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('check-ins under optimistic transactions', () => {
  it('fifty members of one branch checking in within a second all succeed, and counters equal a recount', async () => {
    const before = cloud.db.count('checkins')
    const results = await Promise.all(people.map((id) => cloud.call(as[id], 'checkins', 'create', checkin())))
    const failed = results.filter((r) => !r.ok)
    expect(failed).toEqual([])
    expect(results.every((r) => r.ok && r.data.created)).toBe(true)
    expect(cloud.db.count('checkins')).toBe(before + BRANCH_SIZE)
    expect(cloud.db.count('checkins', { counted: false })).toBe(0)
    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })

  it('takes no transaction: while transactions conflict, a check-in is recorded and counted once', async () => {
    const before = cloud.db.count('checkins')
    cloud.db.forceConflicts(2)
    const res = await cloud.call(as[people[0]], 'checkins', 'create', checkin())
    cloud.db.forceConflicts(-2)
    expect(res).toMatchObject({ ok: true, data: { created: true } })
    expect(cloud.db.count('checkins')).toBe(before + 1)
    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })

  it('a check-in recorded but not yet counted is counted once by a retry of the same request', async () => {
    const person = people[1]
    const payload = checkin()
    const first = await cloud.call(as[person], 'checkins', 'create', payload)
    if (!first.ok) throw new Error(first.code)
    const [recorded] = cloud.db.find('checkins', { _id: first.data.checkin.id })
    const counter = `project:${RUNNING}`
    const count = () => cloud.db.find('checkin_counts', { _id: counter })[0].count as number
    const counted = count()
    // As if the run had stopped after recording it and before counting it into the project's counter.
    const modify = (collection: string, id: string, update: object) =>
      cloud.db.handle('database.modifyDocument', {
        collectionName: collection,
        query: JSON.stringify({ _id: id }),
        data: JSON.stringify(update),
        queryType: 'DOC',
        merge: true,
      })
    await modify('checkins', recorded._id as string, { $set: { counted: false } })
    await modify('checkin_counts', counter, {
      $inc: { count: -1 },
      $pull: { [`applied.${person}`]: recorded._id },
    })
    const again = await Promise.all(
      [1, 2, 3].map(() => cloud.call(as[person], 'checkins', 'create', payload)),
    )
    expect(again.every((r) => r.ok && !r.data.created)).toBe(true)
    expect(count()).toBe(counted)
    expect(cloud.db.find('checkins', { _id: recorded._id })[0].counted).toBe(true)
    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })

  it('instances killed in the middle of a burst lose no acknowledged check-in; retries and the roll-up make counters whole', async () => {
    const before = cloud.db.count('checkins')
    const sends = people.map((id) => ({ id, payload: checkin() }))
    const replies = Promise.all(
      sends.map((s) =>
        cloud.call(as[s.id], 'checkins', 'create', s.payload).then(
          (r) => r,
          () => null,
        ),
      ),
    )
    // As kill -9 of the instances would, twice while the burst is in flight.
    await new Promise((r) => setTimeout(r, 150))
    const killed = cloud.killInstances('checkins')
    await new Promise((r) => setTimeout(r, 150))
    cloud.killInstances('checkins')
    const first = await replies
    expect(killed).toBeGreaterThan(0)
    const acked = first.flatMap((r) => (r?.ok ? [r.data.checkin.id] : []))
    expect(acked.length).toBeLessThan(BRANCH_SIZE)
    for (const id of acked) expect(cloud.db.count('checkins', { _id: id })).toBe(1)
    // The phones resend what was not acknowledged, with the same request ids, as their outbox does: a
    // transaction a killed instance left open holds its documents until it expires (CONFLICT meanwhile).
    const resend = async (k: number) => {
      const deadline = Date.now() + 30_000
      for (;;) {
        const r = await cloud.call(as[sends[k].id], 'checkins', 'create', sends[k].payload)
        if (r.ok || r.code !== 'CONFLICT' || Date.now() > deadline) return r
        await new Promise((w) => setTimeout(w, 1_000))
      }
    }
    const again = await Promise.all(sends.map((_s, k) => (first[k]?.ok ? first[k] : resend(k))))
    expect(again.every((r) => r?.ok)).toBe(true)
    expect(cloud.db.count('checkins')).toBe(before + BRANCH_SIZE)
    // Anything recorded but cut off before counting is counted by the roll-up's timer.
    await cloud.fireTimer('dashboard', 'rollup')
    expect(cloud.db.count('checkins', { counted: false })).toBe(0)
    const { stored, recounted } = countersAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })
})
