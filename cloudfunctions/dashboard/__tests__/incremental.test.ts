import { randomBytes } from 'node:crypto'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { countCalls, data, fireRollup } from './helpers'

/**
 * The roll-up with nothing new reads only its marks (a handful of documents, whatever the company's size), a
 * change anywhere the figures come from makes the next run recompute, and 立即刷新 runs it at most once a minute.
 */
let cloud: TestCloud
let committee: string
let secretary: string
let member: string

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  committee = await cloud.signIn('p057')
  secretary = await cloud.signIn('p001')
  member = await cloud.signIn('p002')
  // The demo was seeded a moment ago: as if it had been yesterday, so that only this test's changes are new.
  const hourAgo = new Date(Date.now() - 3600_000)
  for (const collection of ['projects', 'milestones', 'checkin_counts', 'study_totals']) {
    await cloud.db.handle('database.modifyDocument', {
      collectionName: collection,
      query: JSON.stringify({ updatedAt: { $gte: { $date: hourAgo.toISOString() } } }),
      data: JSON.stringify({ $set: { updatedAt: { $date: hourAgo.toISOString() } } }),
      queryType: 'WHERE',
      multi: true,
      merge: true,
    })
  }
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

describe('the roll-up with nothing new', () => {
  it('reads only its marks and recomputes nothing; a check-in makes the next run recompute', async () => {
    const first = await fireRollup(cloud)
    expect(first.skipped).toBe(false)
    expect(first).toMatchObject({ merged: true, pending: 0, shards: [expect.objectContaining({ shard: 0 })] })

    const counter = countCalls(cloud)
    const writes = cloud.db.changes()
    const again = await fireRollup(cloud)
    counter.stop()
    expect(again).toMatchObject({ skipped: true, written: 0, shards: [], merged: false })
    // The run record, one document per source of change (issued together), the new mark: nothing else.
    expect(counter.calls.length).toBeLessThanOrEqual(10)
    expect(cloud.db.changes() - writes).toBe(1)

    const checkedIn = await cloud.call(member, 'checkins', 'create', {
      requestId: randomBytes(12).toString('hex'),
      projectId: 'prj-001',
      taskId: 't1',
      text: '带领班组完成现场勘查，落实安全措施。',
      photos: [],
    })
    expect(checkedIn.ok).toBe(true)
    const after = await fireRollup(cloud)
    expect(after.skipped).toBe(false)
    expect(after.changed).toContain('checkin_counts')
    expect(after.written).toBeGreaterThan(0)
  })

  it('recomputes on a new China day even with nothing new (deadlines pass, weeks turn)', async () => {
    await fireRollup(cloud)
    // As if the last run had been yesterday.
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'dashboard_rollups',
      query: JSON.stringify({ _id: 'run' }),
      data: JSON.stringify({ $set: { today: '2000-01-01' } }),
      queryType: 'DOC',
      merge: true,
    })
    const next = await fireRollup(cloud)
    expect(next.skipped).toBe(false)
    expect(next).toMatchObject({ merged: true, shards: [expect.objectContaining({ shard: 0 })] })
  })
})

describe('立即刷新', () => {
  it('rolls up for the staff at once, then answers "wait" for the rest of the minute; members may not', async () => {
    const first = data(await cloud.call(committee, 'dashboard', 'refresh', {}))
    expect(first.refreshed).toBe(true)
    const again = data(await cloud.call(secretary, 'dashboard', 'refresh', {}))
    expect(again.refreshed).toBe(false)
    expect(Date.parse(again.nextAt)).toBeGreaterThan(Date.now())
    expect(Date.parse(again.nextAt) - Date.now()).toBeLessThanOrEqual(60_000)
    const refused = await cloud.call(member, 'dashboard', 'refresh', {})
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
