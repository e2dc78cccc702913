import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { nativeSdk } from '../../../localcloud/sdk-modules'
import { resolveProfile } from '../../../localcloud/profile'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { Result } from '../../../types/result'
import { fileOf } from './helpers'
import type { CleanupSummary } from '../retention'

// Exported ledgers live EXPORT_TTL_DAYS (7), then the `cleanup` timer deletes the file and its record.
const FILE_PREFIX = 'cloud://local.localcloud/'
const DAY = 24 * 3600 * 1000

let cloud: TestCloud
let p001: string
let realDelete: (args: { fileList: string[] }) => Promise<unknown>
/** The size of every `deleteFile` call the function made. */
const deleteCalls: number[] = []
/** Files the storage refuses to delete (as WeChat would for a permission or system error). */
const refused = new Set<string>()

type Sdk = { deleteFile: typeof realDelete }

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  // The test stands in for storage's deleteFile in this process, so the function must run here too: under
  // the `cloud` profile everything else stays strict, only the worker isolation is off.
  cloud = await startTestCloud({ profile: { ...resolveProfile(), isolation: false } })
  p001 = await cloud.signIn('p001')
  const sdk = nativeSdk() as unknown as Sdk
  realDelete = sdk.deleteFile
  sdk.deleteFile = async (args) => {
    deleteCalls.push(args.fileList.length)
    const res = (await realDelete({ fileList: args.fileList.filter((f) => !refused.has(f)) })) as {
      fileList: { fileID: string; status: number; errMsg: string }[]
    }
    const failed = args.fileList
      .filter((f) => refused.has(f))
      .map((fileID) => ({ fileID, status: -503002, errMsg: 'storage exceed authority' }))
    return { fileList: [...res.fileList, ...failed] }
  }
})
afterAll(async () => {
  ;(nativeSdk() as unknown as Sdk).deleteFile = realDelete
  delete process.env.LOCALCLOUD_NOW
  await cloud.close()
  jest.restoreAllMocks()
})
beforeEach(() => {
  deleteCalls.length = 0
  refused.clear()
  delete process.env.LOCALCLOUD_NOW
})

const localFile = (fileID: string) => join(cloud.storageDir, fileID.slice(FILE_PREFIX.length))

async function cleanupAt(at: Date): Promise<CleanupSummary> {
  process.env.LOCALCLOUD_NOW = at.toISOString()
  const res = (await cloud.fireTimer('ledger', 'cleanup', at)) as Result<CleanupSummary>
  if (!res.ok) throw new Error(`cleanup failed: ${res.code}`)
  return res.data
}

/** `n` stored exports that expired a day before `at`, each with a file in storage. */
function seedExpired(prefix: string, n: number, at: Date): string[] {
  const ids = Array.from({ length: n }, (_, i) => `${FILE_PREFIX}exports/p002/${prefix}-${i}.xlsx`)
  for (const id of ids) {
    mkdirSync(dirname(localFile(id)), { recursive: true })
    writeFileSync(localFile(id), 'PK')
  }
  cloud.db.insertMany(
    'ledger_exports',
    ids.map((fileID, i) => ({
      _id: `lx-${prefix}-${i}`,
      fileID,
      ownerId: 'p002',
      createdAt: new Date(at.getTime() - 8 * DAY),
      expiresAt: new Date(at.getTime() - DAY + i),
      attempts: 0,
    })),
  )
  return ids
}

describe('ledger exports expire', () => {
  it('records each export for seven days; the timer deletes the file and its record only after that', async () => {
    const exportedAt = Date.now()
    const file = fileOf(await cloud.call(p001, 'ledger', 'export', { projectId: 'prj-009' }))
    expect(existsSync(localFile(file.fileID))).toBe(true)
    const [record] = cloud.db.find('ledger_exports', { fileID: file.fileID })
    expect(record).toMatchObject({ ownerId: 'p001', attempts: 0 })
    const ttl = (record.expiresAt as Date).getTime() - exportedAt
    expect(ttl).toBeGreaterThanOrEqual(7 * DAY - 60_000)
    expect(ttl).toBeLessThanOrEqual(7 * DAY + 60_000)

    const early = await cleanupAt(new Date(exportedAt + 6 * DAY))
    expect(early).toMatchObject({ deleted: 0, failed: 0, more: false })
    expect(existsSync(localFile(file.fileID))).toBe(true)

    const due = await cleanupAt(new Date(exportedAt + 7 * DAY + 120_000))
    expect(due).toMatchObject({ deleted: 1, failed: 0, batches: 1, more: false })
    expect(existsSync(localFile(file.fileID))).toBe(false)
    expect(cloud.db.count('ledger_exports', { fileID: file.fileID })).toBe(0)
  })

  it('a timer-shaped event from the app is not a cleanup run', async () => {
    const at = new Date(Date.now() + 30 * DAY)
    const [id] = seedExpired('client', 1, at)
    process.env.LOCALCLOUD_NOW = at.toISOString()
    const res = await cloud.post(
      '/fn/ledger',
      JSON.stringify({ Type: 'Timer', TriggerName: 'cleanup', Time: at.toISOString() }),
      { cookie: p001 },
    )
    expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(existsSync(localFile(id))).toBe(true)
    await cleanupAt(at)
    expect(existsSync(localFile(id))).toBe(false)
  })

  it('works off a backlog 50 files a call, at most 500 a run, the rest on the next run', async () => {
    const at = new Date(Date.now() + 60 * DAY)
    const ids = seedExpired('backlog', 520, at)

    const first = await cleanupAt(at)
    expect(first).toEqual({ deleted: 500, failed: 0, batches: 10, more: true, jobs: 0 })
    expect(deleteCalls).toEqual(Array(10).fill(50))
    // Oldest first: the twenty left are the last to have expired.
    expect(ids.slice(0, 500).some((id) => existsSync(localFile(id)))).toBe(false)
    expect(ids.slice(500).every((id) => existsSync(localFile(id)))).toBe(true)

    deleteCalls.length = 0
    const second = await cleanupAt(at)
    expect(second).toEqual({ deleted: 20, failed: 0, batches: 1, more: false, jobs: 0 })
    expect(deleteCalls).toEqual([20])
    expect(cloud.db.count('ledger_exports', { ownerId: 'p002' })).toBe(0)
  })

  it('a file the storage refuses is kept and tried a day later, without blocking the rest', async () => {
    const at = new Date(Date.now() + 90 * DAY)
    const ids = seedExpired('refused', 60, at)
    // One already gone from storage: its record goes too.
    rmSync(localFile(ids[1]))
    refused.add(ids[0])

    const run = await cleanupAt(at)
    expect(run).toEqual({ deleted: 59, failed: 1, batches: 2, more: false, jobs: 0 })
    expect(existsSync(localFile(ids[0]))).toBe(true)
    const [kept] = cloud.db.find('ledger_exports', { fileID: ids[0] })
    expect(kept).toMatchObject({ attempts: 1 })
    expect((kept.expiresAt as Date).getTime()).toBe(at.getTime() + DAY)
    expect(cloud.db.count('ledger_exports', { fileID: ids[1] })).toBe(0)

    refused.clear()
    expect(await cleanupAt(new Date(at.getTime() + DAY))).toMatchObject({ deleted: 1, failed: 0 })
    expect(existsSync(localFile(ids[0]))).toBe(false)
  })
})
