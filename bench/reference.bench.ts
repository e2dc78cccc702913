import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import BetterSqlite3 from 'better-sqlite3'
import { progressBar } from './progress'
import { RAW_COMMITS, RAW_READ, info, median } from './report'
import type { Figure } from './report'

const ROWS = 100_000
const COMMITS = 5_000
const READS = 20_000

/**
 * The physical floor on this machine, in this run: plain better-sqlite3 on a file in the same temp folder,
 * with the pragmas localcloud uses (WAL, synchronous=NORMAL) and its table shape (`_id` + a JSON document
 * of the size of a check-in). Nothing built on SQLite here can beat these numbers.
 */
export function benchReference(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'dj-reference-'))
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec('CREATE TABLE docs (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
    const doc = (i: number) =>
      JSON.stringify({
        _id: `ck-${i}`,
        personId: `p${i % 500}`,
        projectId: `prj${i % 50}`,
        taskId: `t${i % 4}`,
        text: '带领班组完成现场勘查，落实安全措施，记录施工前后对比照片。',
        photos: [`cloud://local.localcloud/uploads/p${i % 500}/abcdefgh${i}.jpg`],
        at: { $date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() },
      })
    const insert = db.prepare('INSERT INTO docs (_id, doc) VALUES (?, ?)')

    const bar = progressBar('raw rows', ROWS)
    const t0 = performance.now()
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(`ck-${i}`, doc(i))
    })
    for (let from = 0; from < ROWS; from += 10_000) {
      batch(from, from + 10_000)
      bar.tick(from + 10_000)
    }
    bar.end()
    const batchRate = ROWS / ((performance.now() - t0) / 1000)

    // One transaction per write, as each check-in is: the ceiling for any sustained write rate.
    const t1 = performance.now()
    for (let i = ROWS; i < ROWS + COMMITS; i++) insert.run(`ck-${i}`, doc(i))
    const commitRate = COMMITS / ((performance.now() - t1) / 1000)

    const get = db.prepare('SELECT doc FROM docs WHERE _id = ?')
    const samples: number[] = []
    for (let k = 0; k < READS; k++) {
      const id = `ck-${(k * 7919) % ROWS}`
      const t = performance.now()
      JSON.parse((get.get(id) as { doc: string }).doc)
      samples.push(performance.now() - t)
    }
    return [
      info('raw sqlite: batched inserts/s (10,000 a transaction)', batchRate, '/s'),
      info(RAW_COMMITS, commitRate, '/s'),
      // A few microseconds: three significant digits, not info()'s two decimals (which would print 0 ms).
      { ...info(RAW_READ, 0, 'ms'), value: Number(median(samples).toPrecision(3)) },
    ]
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
