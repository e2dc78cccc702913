import { MERGE_BATCH, MERGE_INLINE_MAX_DOCS, MERGE_LEASE_MS } from '../../../domain/org-jobs'
import { checkCounters } from '../../../localcloud/counter-check'
import { seedBranchHistory } from '../../../localcloud/seed/history'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import type { MergeJobView } from '../../../types/functions/org'
import { data } from '../../projects/__tests__/helpers'

// A branch with years of history (more check-ins, milestones and counters than MERGE_INLINE_MAX_DOCS) merges
// as a job: `mergeUnits` answers it, `runMergeJob` (the page) and the `jobs` timer move it batch by batch, and
// a run that fails or is stopped between batches is resumed with nothing moved twice. Demo: p057 committee,
// p008 secretary of 营销部 (b-yingxiao); 人资 (b-renzi) merges into 安质部 (b-anzhi), 营销部 into 城区 (b-chengqu).
const CHECKINS = 4_500
const MILESTONES = 1_200

let cloud: TestCloud
const as: Record<string, string> = {}
type Doc = Record<string, unknown>
const find = (c: string, q: Doc = {}) => cloud.db.find(c, q, { limit: 100_000 })
const count = (c: string, q: Doc = {}) => cloud.db.count(c, q)
const org = <A extends ActionName<'org'>>(who: string, action: A, payload: ActionInput<'org', A>) =>
  cloud.call(as[who], 'org', action, payload)
const branchCount = (id: string) =>
  (find('checkin_counts', { _id: `branch:${id}` })[0]?.count as number | undefined) ?? 0

/** Nothing of the old branch is left anywhere that names branches. */
function namesLeft(branchId: string): Record<string, number> {
  return {
    checkins: count('checkins', { branchId }),
    milestones: count('milestones', { branchId }),
    counters: count('checkin_counts', { branchId }),
    studies: count('lecture_studies', { branchId }),
    projects: count('projects', { branchId }),
    people: count('people', { branchId }),
    groups: count('groups', { branchId }),
    units: count('org_units', { _id: branchId }),
  }
}
const NONE = {
  checkins: 0,
  milestones: 0,
  counters: 0,
  studies: 0,
  projects: 0,
  people: 0,
  groups: 0,
  units: 0,
}

async function bigHistory(branchId: string, branchName: string, key: string): Promise<void> {
  await seedBranchHistory(cloud.db, {
    branchId,
    branchName,
    key,
    checkins: CHECKINS,
    milestones: MILESTONES,
    templates: {
      project: find('projects', { _id: 'prj-001' })[0],
      milestone: find('milestones', { projectId: 'prj-001' })[0],
      person: find('people', { _id: 'p002' })[0],
    },
    until: new Date(Date.now() - 3600_000),
  })
}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  // The failed run below logs its error.
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p008', 'p057']) as[id] = await cloud.signIn(id)
  await bigHistory('b-renzi', '人资党支部', 'hist-renzi')
  await bigHistory('b-yingxiao', '营销部党支部', 'hist-yingxiao')
  // The history as seeded agrees with a recount: what the merge must keep true.
  await cloud.fireTimer('dashboard', 'rollup')
  expect(checkCounters(cloud.db).mismatches).toEqual([])
})
afterAll(async () => {
  delete process.env.LOCALCLOUD_NOW
  await cloud.close()
  jest.restoreAllMocks()
})

const jobOf = (v: { job?: MergeJobView }): MergeJobView => {
  if (!v.job) throw new Error('expected a merge job')
  return v.job
}

describe('a branch merge with a province-scale history', () => {
  it('answers a job, which the page runs to the end: everything moved once, counters and dashboards agree', async () => {
    const fromCheckins = count('checkins', { branchId: 'b-renzi' })
    const intoCheckins = count('checkins', { branchId: 'b-anzhi' })
    const counters = { from: branchCount('b-renzi'), into: branchCount('b-anzhi') }
    const history =
      fromCheckins +
      count('milestones', { branchId: 'b-renzi' }) +
      count('checkin_counts', { branchId: 'b-renzi' }) +
      count('lecture_studies', { branchId: 'b-renzi' })
    expect(history).toBeGreaterThan(MERGE_INLINE_MAX_DOCS)

    const asked = data(await org('p057', 'mergeUnits', { fromId: 'b-renzi', intoId: 'b-anzhi' }))
    const job = jobOf(asked)
    expect(job).toMatchObject({ status: 'queued', total: history, done: 0, fromName: '人资党支部' })
    expect(asked.message).toBe('「人资党支部」并入「安质部党支部」已排队，即将开始')
    // Nothing moved yet; asking again (a second tap) finds the same job.
    expect(count('checkins', { branchId: 'b-renzi' })).toBe(fromCheckins)
    expect(jobOf(data(await org('p057', 'mergeUnits', { fromId: 'b-renzi', intoId: 'b-anzhi' }))).jobId).toBe(
      job.jobId,
    )
    expect(count('org_jobs')).toBe(1)
    expect(data(await org('p057', 'mergeJob', { jobId: job.jobId }))).toMatchObject({ status: 'queued' })

    const ran = data(await org('p057', 'runMergeJob', { jobId: job.jobId }))
    expect(ran).toMatchObject({
      status: 'done',
      done: history,
      total: history,
      message: '已将「人资党支部」并入「安质部党支部」',
      error: null,
    })
    // Each check-in moved exactly once, by the batches (the finishing step found none left).
    expect(ran.moved.checkins).toBe(fromCheckins)
    expect(ran.moved.milestones).toBeGreaterThanOrEqual(MILESTONES)
    expect(namesLeft('b-renzi')).toEqual(NONE)
    expect(count('checkins', { branchId: 'b-anzhi' })).toBe(intoCheckins + fromCheckins)
    expect(branchCount('b-anzhi')).toBe(counters.into + counters.from)
    expect(find('checkin_counts', { _id: 'branch:b-renzi' })).toEqual([])
    const person = find('people', { _id: 'hist-renzi-p' })[0]
    expect(person).toMatchObject({ branchId: 'b-anzhi', grants: [{ role: 'member', branchId: 'b-anzhi' }] })
    expect(person.branchHistory).toHaveLength(1)
    expect(find('org_events', { action: 'mergeUnits' })[0]).toMatchObject({
      targetIds: ['b-renzi', 'b-anzhi'],
      detail: { jobId: job.jobId },
    })

    // Run again, or looked at later: done, and nothing changes.
    const changes = cloud.db.changes()
    expect(data(await org('p057', 'runMergeJob', { jobId: job.jobId }))).toMatchObject({ status: 'done' })
    expect(data(await org('p057', 'mergeJob', { jobId: job.jobId }))).toMatchObject({ status: 'done' })
    expect(cloud.db.changes()).toBe(changes)

    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('resumes after a run that failed between batches and one stopped at its timeout, moving nothing twice', async () => {
    const fromCheckins = count('checkins', { branchId: 'b-yingxiao' })
    const intoCheckins = count('checkins', { branchId: 'b-chengqu' })
    const counters = { from: branchCount('b-yingxiao'), into: branchCount('b-chengqu') }
    const job = jobOf(data(await org('p057', 'mergeUnits', { fromId: 'b-yingxiao', intoId: 'b-chengqu' })))

    // The third batch of check-ins fails in the database (a run dying there): the run hands the job back.
    const handle = cloud.db.handle.bind(cloud.db)
    let batches = 0
    const spy = jest.spyOn(cloud.db, 'handle').mockImplementation(async (api, params) => {
      const p = params as { collectionName?: string; multi?: boolean }
      if (api === 'database.modifyDocument' && p.collectionName === 'checkins' && p.multi) {
        batches += 1
        if (batches === 3) throw new Error('connection reset')
      }
      return handle(api, params)
    })
    let view: MergeJobView
    try {
      view = data(await org('p057', 'runMergeJob', { jobId: job.jobId }))
    } finally {
      spy.mockRestore()
    }
    expect(view).toMatchObject({
      status: 'running',
      done: 2 * MERGE_BATCH,
      moved: { checkins: 2 * MERGE_BATCH },
    })
    expect(count('checkins', { branchId: 'b-yingxiao' })).toBe(fromCheckins - 2 * MERGE_BATCH)
    expect(count('org_units', { _id: 'b-yingxiao' })).toBe(1)
    // The 组织管理 page, opened again meanwhile, finds the merge under way and follows it.
    expect(data(await org('p057', 'orgTree', {})).jobs).toEqual([
      expect.objectContaining({ jobId: job.jobId, status: 'running', done: 2 * MERGE_BATCH }),
    ])

    // Meanwhile: no other change to either branch, no second merge of them.
    const again = await org('p057', 'mergeUnits', { fromId: 'b-chengqu', intoId: 'b-anzhi' })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(!again.ok && again.message).toBe(
      '「营销部党支部」并入「城区供电所党支部」尚未完成，请完成后再调整这两个组织',
    )

    // Then a run is stopped at the function's timeout: it holds the job until its lease runs out.
    const held = new Date(Date.now() + MERGE_LEASE_MS)
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'org_jobs',
      query: JSON.stringify({ _id: job.jobId }),
      data: JSON.stringify({ $set: { leaseUntil: { $date: held.toISOString() } }, $inc: { runs: 1 } }),
      queryType: 'WHERE',
      multi: false,
      merge: true,
    })
    // The page's next call and the timer leave it alone while it is held.
    expect(data(await org('p057', 'runMergeJob', { jobId: job.jobId }))).toMatchObject({
      status: 'running',
      done: 2 * MERGE_BATCH,
    })
    expect(await cloud.fireTimer('org', 'jobs', new Date())).toMatchObject({ ok: true, data: { ran: null } })
    // Once the lease has run out, the timer resumes it to the end.
    const later = new Date(held.getTime() + 1000)
    process.env.LOCALCLOUD_NOW = later.toISOString()
    try {
      expect(await cloud.fireTimer('org', 'jobs', later)).toMatchObject({
        ok: true,
        data: { ran: job.jobId, status: 'done' },
      })
    } finally {
      delete process.env.LOCALCLOUD_NOW
    }
    const done = data(await org('p057', 'mergeJob', { jobId: job.jobId }))
    expect(done).toMatchObject({ status: 'done', done: job.total, total: job.total })
    expect(done.moved.checkins).toBe(fromCheckins)
    expect(namesLeft('b-yingxiao')).toEqual(NONE)
    expect(data(await org('p057', 'orgTree', {})).jobs).toEqual([])
    expect(count('checkins', { branchId: 'b-chengqu' })).toBe(intoCheckins + fromCheckins)
    expect(branchCount('b-chengqu')).toBe(counters.into + counters.from)
    expect(find('people', { _id: 'hist-yingxiao-p' })[0].branchHistory).toHaveLength(1)
    // The merged branch's people are told once.
    expect(count('messages', { personId: 'p008', kind: 'org_changed', itemId: 'merged:b-yingxiao' })).toBe(1)

    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('is refused to those outside the committee, for a job that does not exist, and for a merge into itself', async () => {
    const jobId = (find('org_jobs')[0]?._id as string) ?? 'oj-none'
    for (const action of ['mergeJob', 'runMergeJob'] as const) {
      expect(await org('p008', action, { jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await org('p057', action, { jobId: 'oj-missing' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
        message: '没有找到这个合并任务',
      })
      expect(await org('p057', action, { jobId: '' } as never)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      })
    }
    const jobs = count('org_jobs')
    expect(await org('p057', 'mergeUnits', { fromId: 'b-anzhi', intoId: 'b-anzhi' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(count('org_jobs')).toBe(jobs)
  })
})
