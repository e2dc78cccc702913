import { randomBytes } from 'node:crypto'
import { checkCounters } from '../counter-check'
import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.close())

describe('the counter check (npm run check:counters)', () => {
  it('finds the demo’s counters and dashboards equal to a recount from the raw records', () => {
    const { mismatches, checked } = checkCounters(cloud.db)
    expect(mismatches).toEqual([])
    expect(checked.checkins).toBeGreaterThan(50)
    expect(checked.dashboards).toBeGreaterThan(20)
  })

  it('still agrees after check-ins through the function and a roll-up', async () => {
    const p002 = await cloud.signIn('p002')
    for (let k = 0; k < 3; k++) {
      const res = await cloud.call(p002, 'checkins', 'create', {
        requestId: randomBytes(12).toString('hex'),
        projectId: 'prj-001',
        taskId: 't1',
        text: '巡视线路一次。',
      })
      expect(res.ok).toBe(true)
    }
    // Before the roll-up the dashboards are behind the check-ins, and the check says where.
    const behind = checkCounters(cloud.db).mismatches
    expect(behind.length).toBeGreaterThan(0)
    expect(behind.every((m) => m.collection === 'dashboard_rollups')).toBe(true)
    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('names a counter that does not match', () => {
    cloud.db.insertMany('checkin_counts', [{ _id: 'project:prj-999', scope: 'project', count: 3 }])
    expect(checkCounters(cloud.db).mismatches).toEqual([
      {
        collection: 'checkin_counts',
        _id: 'project:prj-999',
        stored: { _id: 'project:prj-999', scope: 'project', count: 3 },
        recounted: null,
      },
    ])
  })
})
