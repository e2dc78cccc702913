import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../types/entities'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { nativeSdk } from '../localcloud/sdk-modules'
import { progressBar } from './progress'
import { atMost, info, median } from './report'
import type { Figure } from './report'

const N = 100_000
const BRANCHES = 30

/** A filtered page of projects from a 100,000-document collection, through the real wx-server-sdk. */
export async function benchProjectQuery(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dj-bench-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  try {
    console.log(`[bench] seeding ${N.toLocaleString()} projects…`)
    const t0 = performance.now()
    const base = Date.UTC(2026, 0, 1)
    const bar = progressBar('projects', N)
    for (let start = 0; start < N; start += 10_000) {
      const docs = Array.from({ length: 10_000 }, (_, k) => {
        const i = start + k
        return {
          _id: `p${i}`,
          title: `项目 ${i}`,
          branchId: `b${i % BRANCHES}`,
          status: PROJECT_STATUSES[Math.floor(i / BRANCHES) % PROJECT_STATUSES.length],
          category: PROJECT_CATEGORIES[i % PROJECT_CATEGORIES.length],
          year: 2020 + (i % 7),
          progress: i % 101,
          updatedAt: new Date(base + i * 60_000),
        }
      })
      db.insertMany('projects', docs)
      bar.tick(start + docs.length)
    }
    bar.end()
    const seedMs = performance.now() - t0

    const cloud = nativeSdk()
    cloud.init({ env: 'local' })
    const sdkDb = cloud.database()
    const query = () =>
      sdkDb
        .collection('projects')
        .where({ branchId: 'b7', status: 'in_progress' })
        .orderBy('updatedAt', 'desc')
        .limit(20)
        .get()
    for (let i = 0; i < 20; i++) await query()
    const samples: number[] = []
    let rows = 0
    for (let i = 0; i < 300; i++) {
      const t = performance.now()
      const res = (await query()) as { data: unknown[] }
      samples.push(performance.now() - t)
      rows = res.data.length
    }
    const plan = db.explain(
      'projects',
      { branchId: 'b7', status: 'in_progress' },
      { sort: { updatedAt: -1 }, limit: 20 },
    )
    console.log(`[bench] query plan: ${plan.replace(/\s+/g, ' ')}`)
    const usesIndex = /USING (COVERING )?INDEX/i.test(plan)
    if (rows !== 20) throw new Error(`expected a full page of 20 projects, got ${rows}`)
    return [
      info('seed 100k projects', seedMs, 'ms'),
      atMost('projects: 20 by branch+status of 100k, median', median(samples), 'ms', 5),
      info('projects: rows returned', rows, 'rows'),
      {
        name: 'projects: query plan uses an index',
        value: usesIndex ? 1 : 0,
        unit: 'bool',
        target: '= 1',
        ok: usesIndex,
      },
    ]
  } finally {
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
