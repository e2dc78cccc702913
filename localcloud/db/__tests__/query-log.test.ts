import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestCloud, type TestCloud } from '../../testing'
import { filterFields, pinsId, readQueryLog } from '../query-log'

describe('query shapes', () => {
  it('collects the fields a filter constrains, through $and/$or and sub-documents', () => {
    const filter = {
      $and: [
        { personId: 'p1', at: { $lte: new Date() } },
        { $or: [{ at: { $lt: 1 } }, { _id: { $lt: 'x' } }] },
      ],
      acceptance: { requestedAt: { $gte: 1 } },
      grants: { role: 'secretary' },
    }
    expect([...filterFields(filter)].sort()).toEqual([
      '_id',
      'acceptance.requestedAt',
      'at',
      'grants.role',
      'personId',
    ])
  })

  it('tells reads pinned to _id from cursors that only range over it', () => {
    expect(pinsId({ _id: 'a' })).toBe(true)
    expect(pinsId({ _id: { $in: ['a', 'b'] }, read: false })).toBe(true)
    expect(pinsId({ $and: [{ status: 'open' }, { _id: { $eq: 'a' } }] })).toBe(true)
    expect(pinsId({ _id: { $gt: 'a' }, status: 'open' })).toBe(false)
    expect(pinsId({ $or: [{ _id: 'a' }, { _id: 'b' }] })).toBe(false)
  })
})

describe('recording while functions run (LOCALCLOUD_QUERY_LOG)', () => {
  let cloud: TestCloud
  let dir: string
  const before = process.env.LOCALCLOUD_QUERY_LOG

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dj-qlog-'))
    process.env.LOCALCLOUD_QUERY_LOG = dir
    cloud = await startTestCloud()
  })
  afterAll(async () => {
    await cloud.close()
    if (before === undefined) delete process.env.LOCALCLOUD_QUERY_LOG
    else process.env.LOCALCLOUD_QUERY_LOG = before
    rmSync(dir, { recursive: true, force: true })
  })

  it('records what a real function call asks of each collection, not the seeding or the test’s own reads', async () => {
    const cookie = await cloud.signIn('p001')
    const res = await cloud.call(cookie, 'org', 'listMembers', { branchId: 'b-yunwei' })
    expect(res.ok).toBe(true)
    cloud.db.find('projects', { status: 'draft' })

    const shapes = readQueryLog(dir)
    expect(shapes).toEqual(
      expect.arrayContaining([
        { api: 'get', collection: 'people', filter: ['openid'], sort: [], byId: false },
        { api: 'get', collection: 'people', filter: ['branchId'], sort: ['_id'], byId: false },
      ]),
    )
    expect(shapes.some((s) => s.collection === 'projects')).toBe(false)
  })
})
