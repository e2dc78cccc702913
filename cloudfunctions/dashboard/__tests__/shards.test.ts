import { randomBytes } from 'node:crypto'
import { checkCounters } from '../../../localcloud/counter-check'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { DashboardRun } from '../../../types/entities-dashboard'
import { data, fireRollup } from './helpers'

/**
 * A large company's roll-up in shards, shown on the demo split three branches a shard (8 branches: 3 shards)
 * and one shard a run: a round goes on run after run, a shard killed half-way is done again, one that keeps
 * failing is put aside with its part's age on the dashboard, and a check-in redoes only its branch's shard.
 * Whatever the order, the stored dashboards come to what the counter check recounts from the raw records.
 */
let cloud: TestCloud
let committee: string
let member: string

const setRun = (fields: Record<string, unknown>) =>
  cloud.db.handle('database.modifyDocument', {
    collectionName: 'dashboard_rollups',
    query: JSON.stringify({ _id: 'run' }),
    data: JSON.stringify({ $set: fields }),
    queryType: 'DOC',
    merge: true,
  })
const run = () => cloud.db.find('dashboard_rollups', { _id: 'run' })[0] as unknown as DashboardRun

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  process.env.DASHBOARD_SHARD_BRANCHES = '3'
  process.env.DASHBOARD_RUN_WINDOW_MS = '1'
  cloud = await startTestCloud()
  committee = await cloud.signIn('p057')
  member = await cloud.signIn('p002')
})
afterAll(async () => {
  await cloud.close()
  delete process.env.DASHBOARD_SHARD_BRANCHES
  delete process.env.DASHBOARD_RUN_WINDOW_MS
  jest.restoreAllMocks()
})

describe('the roll-up in shards', () => {
  it('goes on run after run, one shard each, and merges when none is left', async () => {
    const first = await fireRollup(cloud)
    expect(first).toMatchObject({
      merged: false,
      pending: 2,
      shards: [expect.objectContaining({ shard: 0 })],
    })
    const during = data(await cloud.call(committee, 'dashboard', 'committee', {}))
    expect(during.freshness.updating).toBe(2)

    const second = await fireRollup(cloud)
    expect(second).toMatchObject({
      merged: false,
      pending: 1,
      shards: [expect.objectContaining({ shard: 1 })],
    })
    const third = await fireRollup(cloud)
    expect(third).toMatchObject({ merged: true, pending: 0, shards: [expect.objectContaining({ shard: 2 })] })
    expect(checkCounters(cloud.db).mismatches).toEqual([])

    const view = data(await cloud.call(committee, 'dashboard', 'committee', {}))
    expect(view.freshness).toEqual({ parts: 3, updating: 0, oldest: run().parts?.[0].at.toISOString() })
    expect(view.league.total).toBe(8)
  })

  it('redoes only the shard of a branch that checked in', async () => {
    const checkedIn = await cloud.call(member, 'checkins', 'create', {
      requestId: randomBytes(12).toString('hex'),
      projectId: 'prj-001',
      taskId: 't1',
      text: '带领班组完成现场勘查，落实安全措施。',
      photos: [],
    })
    expect(checkedIn.ok).toBe(true)
    const plan = cloud.db.find('dashboard_rollups', { _id: 'plan' })[0] as unknown as { shards: string[][] }
    const shard = plan.shards.findIndex((ids) => ids.includes('b-yunwei'))
    const next = await fireRollup(cloud)
    expect(next).toMatchObject({ merged: true, pending: 0, shards: [expect.objectContaining({ shard })] })
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('does a shard again when the run doing it was killed, and counts nothing twice', async () => {
    // What a run killed inside shard 1 of a full round leaves: the round, the shard tried once.
    const at = new Date()
    await setRun({
      pending: [1, 2],
      round: { at: { $date: at.toISOString() }, today: run().today, full: true, tries: 1, aside: [] },
    })
    expect((await fireRollup(cloud)).shards).toEqual([expect.objectContaining({ shard: 1 })])
    expect(await fireRollup(cloud)).toMatchObject({
      merged: true,
      shards: [expect.objectContaining({ shard: 2 })],
    })
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    expect(run().round).toBeNull()
  })

  it('puts aside a shard that failed three runs in a row, and the dashboard says how old its part is', async () => {
    const before = run().parts?.[1].at as Date
    const at = new Date(Date.now() + 1000)
    await setRun({
      pending: [1],
      round: { at: { $date: at.toISOString() }, today: run().today, full: false, tries: 3, aside: [] },
    })
    const next = await fireRollup(cloud)
    expect(next).toMatchObject({ merged: true, shards: [] })
    expect(new Date(run().parts?.[1].at as Date).getTime()).toBe(new Date(before).getTime())
    expect(new Date(run().parts?.[0].at as Date).getTime()).toBe(at.getTime())
    const view = data(await cloud.call(committee, 'dashboard', 'committee', {}))
    expect(view.freshness).toEqual({ parts: 3, updating: 0, oldest: new Date(before).toISOString() })
  })

  it('puts right a project whose approval stopped before it raised the progress', async () => {
    const project = cloud.db.find('projects', { _id: 'prj-001' })[0] as { progress: number; version: number }
    expect(project.progress).toBeGreaterThan(0)
    // What an approval killed between its two writes leaves: the milestone approved, the progress as before.
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'projects',
      query: JSON.stringify({ _id: 'prj-001' }),
      data: JSON.stringify({ $set: { progress: 0 } }),
      queryType: 'DOC',
      merge: true,
    })
    // Within the hour nothing marks it changed; the next full round finds it (a new day, or the hour).
    await setRun({ today: '2000-01-01' })
    for (let i = 0; i < 5 && !(await fireRollup(cloud)).merged; i++);
    expect(cloud.db.find('projects', { _id: 'prj-001' })[0]).toMatchObject({
      progress: project.progress,
      version: project.version + 1,
    })
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('writes new documents in batch inserts, and one it did not know was there is written whole', async () => {
    // A fresh start: every dashboard document is new (the batch inserts), but one branch document is left
    // without its digest, as a run killed between its insert and its read would find it: the insert that
    // meets it is written one document at a time instead, and nothing is missing or counted twice.
    const kept = '2026:all:b-yunwei'
    const all = cloud.db.find('dashboard_rollups', {}).map((d) => d._id as string)
    for (const id of all.filter((i) => i !== kept))
      await cloud.db.handle('database.removeDocument', {
        collectionName: 'dashboard_rollups',
        query: JSON.stringify({ _id: id }),
        queryType: 'DOC',
      })
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'dashboard_rollups',
      query: JSON.stringify({ _id: kept }),
      data: JSON.stringify({ $set: { digest: '', figures: null } }),
      queryType: 'DOC',
      merge: true,
    })
    for (let i = 0; i < 5 && !(await fireRollup(cloud)).merged; i++);
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    const view = data(await cloud.call(committee, 'dashboard', 'league', { page: 1, pageSize: 3 }))
    expect(view.items.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3].slice(0, view.items.length))
    expect(view.total).toBe(8)
    const secretary = data(await cloud.call(await cloud.signIn('p001'), 'dashboard', 'branch', {}))
    expect(secretary.league.rows).toEqual([expect.objectContaining({ branchId: 'b-yunwei' })])
  })

  it('rolls up a company that never had a roll-up (no run record yet)', async () => {
    await cloud.db.handle('database.removeDocument', {
      collectionName: 'dashboard_rollups',
      query: JSON.stringify({ _id: 'run' }),
      queryType: 'DOC',
    })
    const first = await fireRollup(cloud)
    expect(first).toMatchObject({ merged: false, pending: 2 })
    const before = data(await cloud.call(committee, 'dashboard', 'committee', {}))
    expect(before.asOf).toBeNull()
    for (let i = 0; i < 5 && !(await fireRollup(cloud)).merged; i++);
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    expect(data(await cloud.call(committee, 'dashboard', 'committee', {})).asOf).not.toBeNull()
  })
})
