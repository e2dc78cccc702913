import * as cloud from 'wx-server-sdk'
import type { DB } from 'wx-server-sdk'
import { installLocalDatabase, LocalDatabase, type LocalDatabaseOptions } from '..'

export type Doc = DB.IDocumentData

export interface Harness {
  local: LocalDatabase
  db: DB.Database
  _: DB.DatabaseCommand
}

/**
 * A fresh in-memory LocalDatabase per test, wired in exactly as localcloud does, and the real wx-server-sdk
 * initialised the way a cloud function does it.
 */
export function setupLocalDatabase(opts: Partial<LocalDatabaseOptions> = {}): Harness {
  const h = {} as Harness
  let uninstall = (): void => undefined
  beforeEach(() => {
    h.local = new LocalDatabase({ file: ':memory:', ...opts })
    uninstall = installLocalDatabase(h.local)
    cloud.init({ env: 'local' })
    h.db = cloud.database()
    h._ = h.db.command
  })
  afterEach(() => {
    uninstall()
    h.local.close()
  })
  return h
}

export async function getAll(q: DB.Query | DB.CollectionReference): Promise<Doc[]> {
  return ((await q.get()) as DB.IQueryResult).data
}

export async function ids(q: DB.Query | DB.CollectionReference): Promise<string[]> {
  return (await getAll(q)).map((d) => String(d._id))
}

export async function countOf(q: DB.Query | DB.CollectionReference): Promise<number> {
  return ((await q.count()) as DB.ICountResult).total
}

export const day = (n: number): Date => new Date(Date.UTC(2024, 0, 1 + n))

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Twelve projects-like documents with a bit of everything; p12 has no status and no year. */
export function sampleDocs(): Doc[] {
  const statuses = ['draft', 'submitted', 'approved', 'in_progress', 'closed', 'draft']
  const docs: Doc[] = []
  for (let i = 1; i <= 11; i++) {
    docs.push({
      _id: `p${String(i).padStart(2, '0')}`,
      title: i % 3 === 0 ? `红色先锋${i}` : `Project ${i}`,
      status: statuses[i % statuses.length],
      year: 2019 + (i % 6),
      branchId: i <= 6 ? 'b1' : 'b2',
      progress: i * 10,
      tags: i % 2 === 0 ? ['even', 't'] : ['odd'],
      meta: { level: i % 3 },
      updatedAt: day(i),
    })
  }
  docs.push({
    _id: 'p12',
    title: 'orphan',
    branchId: 'b2',
    progress: 5,
    tags: [],
    meta: { level: 9 },
    updatedAt: day(0),
  })
  return docs
}

/**
 * How a call failed, as plain data. (Comparing the Error object itself with toMatchObject is unreliable:
 * its `message` is not enumerable, and jest workers may see Errors from another realm.)
 */
export async function failure(p: unknown): Promise<{ errCode: unknown; code: unknown; message: string }> {
  try {
    await p
  } catch (e) {
    const err = e as { errCode?: unknown; code?: unknown; message?: unknown }
    return { errCode: err.errCode, code: err.code, message: String(err.message) }
  }
  throw new Error('expected the call to fail, but it succeeded')
}
