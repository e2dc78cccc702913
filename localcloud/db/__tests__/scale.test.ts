import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cloud from 'wx-server-sdk'
import type { DB } from 'wx-server-sdk'
import { installLocalDatabase, LocalDatabase } from '..'

// 20k keeps the unit suite quick; LOCALCLOUD_DB_SCALE=100000 reproduces the 100k measurement.
const N = Number(process.env.LOCALCLOUD_DB_SCALE) || 20_000
const STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
]

interface Seeded {
  _id: string
  branchId: string
  status: string
  updatedAt: Date
  [key: string]: unknown
}

/** Deterministic pseudo-random projects spread over 50 branches. */
function project(i: number): Seeded {
  const r = (i * 2654435761) % 4294967296
  return {
    _id: `p${String(i).padStart(6, '0')}`,
    title: `项目 ${i}`,
    branchId: `b${r % 50}`,
    status: STATUSES[(r >>> 8) % STATUSES.length],
    category: ['basic', 'service', 'innovation', 'theme', 'flagship'][(r >>> 12) % 5],
    year: 2020 + ((r >>> 16) % 6),
    ownerId: `u${(r >>> 4) % 3000}`,
    progress: r % 101,
    updatedAt: new Date(Date.UTC(2024, 0, 1) + (r % 31_536_000) * 1000),
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function time(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return median(out)
}

describe(`${N} projects`, () => {
  let dir: string
  let fast: LocalDatabase
  let scan: LocalDatabase
  let seedMs = 0

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'localcloud-scale-'))
    fast = new LocalDatabase({ file: join(dir, 'db.sqlite') })
    const t = performance.now()
    fast.insertMany(
      'projects',
      Array.from({ length: N }, (_, i) => project(i)),
    )
    seedMs = performance.now() - t
    // Same file, no pushdown: the scan + mingo reference.
    scan = new LocalDatabase({ file: join(dir, 'db.sqlite'), pushdown: false })
  })

  afterAll(() => {
    fast.close()
    scan.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function page(local: LocalDatabase): Promise<{ docs: DB.IDocumentData[]; total: number }> {
    const uninstall = installLocalDatabase(local)
    try {
      cloud.init({ env: 'local' })
      const db = cloud.database()
      const q = db.collection('projects').where({ branchId: 'b7', status: 'approved' })
      const [count, res] = await Promise.all([
        q.count() as Promise<DB.ICountResult>,
        q
          .orderBy('updatedAt', 'desc')
          .orderBy('_id', 'desc')
          .skip(20)
          .limit(20)
          .get() as Promise<DB.IQueryResult>,
      ])
      return { docs: res.data, total: count.total }
    } finally {
      uninstall()
    }
  }

  test('a filtered, sorted 20-row page uses the index and matches the full scan', async () => {
    const expected = Array.from({ length: N }, (_, i) => project(i))
      .filter((p) => p.branchId === 'b7' && p.status === 'approved')
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a._id < b._id ? 1 : -1))
    const viaIndex = await page(fast)
    const viaScan = await page(scan)
    expect(viaIndex.total).toBe(expected.length)
    expect(viaIndex.docs.map((d) => d._id)).toEqual(expected.slice(20, 40).map((p) => p._id))
    expect(viaScan.docs.map((d) => d._id)).toEqual(viaIndex.docs.map((d) => d._id))
    expect(viaScan.total).toBe(viaIndex.total)

    const plan = fast.explain(
      'projects',
      { branchId: 'b7', status: 'approved' },
      { sort: { updatedAt: -1, _id: -1 }, limit: 20 },
    )
    expect(plan).toContain('USING INDEX projects__branchId_status_updatedAt')

    const indexMs = await time(() => page(fast))
    const scanMs = await time(() => page(scan), 3)
    console.log(
      `seed ${N}: ${seedMs.toFixed(0)} ms; page of 20 + count (SDK round trip): ` +
        `index ${indexMs.toFixed(2)} ms, scan ${scanMs.toFixed(0)} ms; matches ${viaIndex.total}`,
    )
    expect(indexMs).toBeLessThan(scanMs)
  })

  test('count by status and a $in + range read stay on indexes', () => {
    const byStatus = fast.count('projects', { status: 'closed' })
    expect(byStatus).toBe(scan.count('projects', { status: 'closed' }))
    const filter = { status: { $in: ['draft', 'returned'] }, year: { $gte: 2024 } }
    expect(fast.find('projects', filter, { limit: 50 }).map((d) => d._id)).toEqual(
      scan.find('projects', filter, { limit: 50 }).map((d) => d._id),
    )
    expect(fast.explain('projects', filter)).toMatch(/USING INDEX projects__(status|year)/)
  })
})
