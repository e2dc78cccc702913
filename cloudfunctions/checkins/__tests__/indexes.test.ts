import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.close())

const at = new Date()

/** The filters the checkins repositories send, and the index each must be read through, in order. */
const QUERIES: [string, string, Record<string, unknown>, Record<string, 1 | -1>, string][] = [
  [
    'a secretary’s inbox',
    'milestones',
    { status: 'submitted', submittedBy: { $ne: 'p001' }, branchId: 'b-yunwei' },
    { submittedAt: 1 },
    'milestones__branchId_status_submittedAt',
  ],
  [
    'the committee’s inbox',
    'milestones',
    { status: 'submitted', submittedBy: { $ne: 'p057' } },
    { submittedAt: 1 },
    'milestones__status_submittedAt',
  ],
  [
    'the branch’s running projects (myTasks)',
    'projects',
    { branchId: 'b-yunwei', status: 'in_progress' },
    { updatedAt: -1 },
    'projects__branchId_status_updatedAt',
  ],
  ['history, first page', 'checkins', { personId: 'p004' }, { at: -1, _id: -1 }, 'checkins__personId_at'],
  [
    'history, after a cursor',
    'checkins',
    {
      $and: [
        { personId: 'p004', at: { $lte: at } },
        { $or: [{ at: { $lt: at } }, { _id: { $lt: 'ck-x' } }] },
      ],
    },
    { at: -1, _id: -1 },
    'checkins__personId_at',
  ],
  [
    'the check-ins behind a milestone',
    'checkins',
    { projectId: 'prj-001', taskId: 't2' },
    { at: -1 },
    'checkins__projectId_taskId_at',
  ],
  [
    'a milestone’s review history',
    'milestone_submissions',
    { milestoneId: 'prj-001-m3' },
    { at: -1 },
    'milestone_submissions__milestoneId_at',
  ],
]

describe('checkins queries stay on indexes (they must not grow with the number of check-ins)', () => {
  it.each(QUERIES)('%s', (_what, collection, filter, sort, index) => {
    const plan = cloud.db.explain(collection, filter, { sort, limit: 20 })
    expect(plan).toContain(`USING INDEX ${index}`)
    // Only ties of the last sort key may be sorted; never the whole match.
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
  })

  it('counts the badge in SQL', () => {
    const filter = { status: 'submitted', submittedBy: { $ne: 'p001' }, branchId: 'b-yunwei' }
    expect(cloud.db.explain('milestones', filter)).toContain('milestones__branchId_status_submittedAt')
    expect(cloud.db.count('milestones', filter)).toBe(1)
  })
})
