import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbook } from 'exceljs'
import type { Worksheet } from 'exceljs'
import {
  INLINE_MAX_CHECKINS,
  JOB_ABANDONED,
  JOB_LEASE_MS,
  JOB_MAX_ATTEMPTS,
  JOB_MAX_CHECKINS,
  isLedgerJob,
} from '../../../domain/ledger-jobs'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { LedgerJobView } from '../../../types/functions/ledger'
import type { Result } from '../../../types/result'
import { data } from '../../projects/__tests__/helpers'

// A ledger whose check-ins pass INLINE_MAX_CHECKINS becomes a job: `export` answers the job, `runJob` makes
// the workbook, `job` says how far it has got, and the `jobs` timer finishes what no page ran. Demo: p001
// secretary of 运维部 (b-yunwei), p008 of 营销部, p057 committee.
const FILE_PREFIX = 'cloud://local.localcloud/'
const BIG = INLINE_MAX_CHECKINS + 200

let cloud: TestCloud
const as: Record<string, string> = {}

/** A copy of 运维部's prj-001 under `id`, with `n` check-ins and its running counter saying so. */
function bigProject(id: string, n: number, counted = n): void {
  const base = cloud.db.find('projects', { _id: 'prj-001' })[0] as Record<string, unknown>
  cloud.db.insertMany('projects', [{ ...base, _id: id, title: `大项目${id}`, version: 1 }])
  const at = Date.UTC(2026, 2, 1)
  cloud.db.insertMany(
    'checkins',
    Array.from({ length: n }, (_, i) => ({
      _id: `${id}-c${String(i).padStart(6, '0')}`,
      projectId: id,
      branchId: 'b-yunwei',
      personId: 'p002',
      personName: '党员',
      taskId: 't1',
      taskTitle: '任务',
      milestoneTitle: '里程碑',
      at: new Date(at + i * 60_000),
      text: `写实第${i}条`,
      photos: [],
      place: null,
    })),
  )
  cloud.db.insertMany('checkin_counts', [
    { _id: `project:${id}`, scope: 'project', count: counted, fields: {} },
  ])
}

async function rowsOf(fileID: string, sheet: string): Promise<number> {
  const book = new Workbook()
  await book.xlsx.load(readFileSync(join(cloud.storageDir, fileID.slice(FILE_PREFIX.length))) as never)
  return (book.getWorksheet(sheet) as Worksheet).actualRowCount - 1
}

const jobOf = (res: Result<unknown>): LedgerJobView => {
  const v = data(res as Result<LedgerJobView>)
  if (!isLedgerJob(v)) throw new Error('expected a job')
  return v
}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) as[id] = await cloud.signIn(id)
  bigProject('prj-big', BIG)
  bigProject('prj-huge', 10, JOB_MAX_CHECKINS + 1)
  bigProject('prj-timer', BIG)
  bigProject('prj-stopped', 10, BIG)
})
afterAll(async () => {
  delete process.env.LOCALCLOUD_NOW
  await cloud.close()
  jest.restoreAllMocks()
})

describe('a large 管理台账 export', () => {
  it('answers a job, which the page runs into the whole workbook, and only its maker sees', async () => {
    const made = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-big' }))
    expect(made).toMatchObject({ status: 'queued', total: BIG, done: 0, file: null, error: null })
    expect(made.fileName).toMatch(/^管理台账-大项目prj-big-\d{8}\.xlsx$/)
    // 导出 again while it waits: the same job, not a second one.
    const again = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-big' }))
    expect(again.jobId).toBe(made.jobId)
    expect(cloud.db.count('ledger_jobs', { ownerId: 'p001', scopeKey: 'p:prj-big' })).toBe(1)

    // Nobody else learns that it exists: not the committee, not another secretary.
    for (const who of ['p057', 'p008'])
      for (const action of ['job', 'runJob'] as const)
        expect(await cloud.call(as[who], 'ledger', action, { jobId: made.jobId })).toMatchObject({
          ok: false,
          code: 'NOT_FOUND',
        })
    expect(cloud.db.find('ledger_jobs', { _id: made.jobId })[0]).toMatchObject({
      status: 'queued',
      attempts: 0,
    })

    const ran = data(await cloud.call(as.p001, 'ledger', 'runJob', { jobId: made.jobId }))
    expect(ran).toMatchObject({ status: 'ready', done: BIG, total: BIG, error: null })
    expect(ran.file?.fileID).toMatch(/^cloud:\/\/local\.localcloud\/exports\/p001\/[0-9a-f]{24}\.xlsx$/)
    expect(await rowsOf(ran.file?.fileID ?? '', '打卡写实')).toBe(BIG)
    // Kept for deletion like any export.
    expect(cloud.db.count('ledger_exports', { fileID: ran.file?.fileID })).toBe(1)

    // Asked again later: ready, with a fresh link to the same file; running it again makes nothing new.
    const seen = data(await cloud.call(as.p001, 'ledger', 'job', { jobId: made.jobId }))
    expect(seen).toMatchObject({ status: 'ready', file: { fileID: ran.file?.fileID } })
    expect(seen.file?.url).toMatch(/^http/)
    const rerun = data(await cloud.call(as.p001, 'ledger', 'runJob', { jobId: made.jobId }))
    expect(rerun).toMatchObject({ status: 'ready', file: { fileID: ran.file?.fileID } })
    // 导出 again minutes later (the page was left meanwhile): the made workbook, not a second job.
    const back = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-big' }))
    expect(back).toMatchObject({ jobId: made.jobId, status: 'ready', file: { fileID: ran.file?.fileID } })
    expect(cloud.db.count('ledger_exports', { ownerId: 'p001' })).toBe(1)
  })

  it('is made once when two runs start together', async () => {
    bigProject('prj-twice', BIG)
    const made = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-twice' }))
    const before = cloud.db.count('ledger_exports', { ownerId: 'p001' })
    const both = await Promise.all([
      cloud.call(as.p001, 'ledger', 'runJob', { jobId: made.jobId }),
      cloud.call(as.p001, 'ledger', 'runJob', { jobId: made.jobId }),
    ])
    expect(both.every((r) => r.ok)).toBe(true)
    expect(cloud.db.count('ledger_exports', { ownerId: 'p001' })).toBe(before + 1)
    expect(cloud.db.find('ledger_jobs', { _id: made.jobId })[0]).toMatchObject({
      status: 'ready',
      attempts: 1,
    })
  })

  it('is refused above what even a job can make, and nothing is written', async () => {
    const jobs = cloud.db.count('ledger_jobs')
    const res = await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-huge' })
    expect(res).toMatchObject({ ok: false, code: 'TOO_LARGE' })
    expect(!res.ok && res.message).toMatch(/超过一次导出的上限 60,000 条，请按项目分别导出/)
    expect(cloud.db.count('ledger_jobs')).toBe(jobs)
  })

  it('is finished by the jobs timer when its page never ran it', async () => {
    const made = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-timer' }))
    // Within the page's hold, the timer leaves it alone.
    const early = await cloud.fireTimer('ledger', 'jobs', new Date())
    expect(early).toMatchObject({ ok: true, data: { ran: null } })
    const later = new Date(Date.now() + JOB_LEASE_MS + 1000)
    process.env.LOCALCLOUD_NOW = later.toISOString()
    try {
      const run = await cloud.fireTimer('ledger', 'jobs', later)
      expect(run).toMatchObject({ ok: true, data: { ran: made.jobId, status: 'ready' } })
    } finally {
      delete process.env.LOCALCLOUD_NOW
    }
    const seen = data(await cloud.call(as.p001, 'ledger', 'job', { jobId: made.jobId }))
    expect(seen.status).toBe('ready')
    expect(await rowsOf(seen.file?.fileID ?? '', '打卡写实')).toBe(BIG)
  })

  it('is given up, with the reason, once every run of it was stopped at its timeout', async () => {
    const made = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-stopped' }))
    // As a run killed at the function's timeout leaves it: running, its hold run out, every attempt spent.
    const stoppedAt = new Date(Date.now() - JOB_LEASE_MS - 1000)
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'ledger_jobs',
      query: JSON.stringify({ _id: made.jobId }),
      data: JSON.stringify({
        $set: {
          status: 'running',
          attempts: JOB_MAX_ATTEMPTS,
          phase: 'reading',
          leaseUntil: { $date: stoppedAt.toISOString() },
        },
      }),
      queryType: 'WHERE',
      multi: false,
      merge: true,
    })
    const run = await cloud.fireTimer('ledger', 'jobs', new Date())
    expect(run).toMatchObject({ ok: true, data: { ran: made.jobId, status: 'failed' } })
    const seen = data(await cloud.call(as.p001, 'ledger', 'job', { jobId: made.jobId }))
    expect(seen).toMatchObject({ status: 'failed', error: JOB_ABANDONED, file: null })
    // A new 导出 starts afresh rather than handing back the failed job.
    const fresh = jobOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-stopped' }))
    expect(fresh.jobId).not.toBe(made.jobId)
  })

  it('still answers a small ledger with its file at once', async () => {
    const res = data(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-001' }))
    expect(isLedgerJob(res)).toBe(false)
  })
})
