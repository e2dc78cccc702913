import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** One figure of the benchmark report: what was measured, the goal, and whether it was met. */
export interface Figure {
  name: string
  value: number
  unit: string
  target: string
  ok: boolean
  /** The raw SQLite figure of the same run it is printed beside (bench/reference.bench.ts). */
  reference?: { name: string; value: number; unit: string }
}

/** The physical floor measured first in every run: what a rate or a latency is printed beside. */
export const RAW_COMMITS = 'raw sqlite: one-commit inserts/s'
export const RAW_READ = 'raw sqlite: point read median'

/** Rates sit beside raw one-commit inserts, median latencies beside a raw point read; the rest stands alone. */
function referenceOf(f: Figure, byName: Map<string, Figure>): Figure['reference'] {
  if (f.name.startsWith('raw sqlite:')) return undefined
  const ref =
    f.unit === '/s'
      ? byName.get(RAW_COMMITS)
      : f.unit === 'ms' && /median/.test(f.name)
        ? byName.get(RAW_READ)
        : undefined
  return ref && { name: ref.name, value: ref.value, unit: ref.unit }
}

export const atMost = (name: string, value: number, unit: string, limit: number): Figure => ({
  name,
  value: Math.round(value * 100) / 100,
  unit,
  target: `<= ${limit} ${unit}`,
  ok: value <= limit,
})

export const atLeast = (name: string, value: number, unit: string, floor: number): Figure => ({
  name,
  value: Math.round(value * 100) / 100,
  unit,
  target: `>= ${floor} ${unit}`,
  ok: value >= floor,
})

export const info = (name: string, value: number, unit: string): Figure => ({
  name,
  value: Math.round(value * 100) / 100,
  unit,
  target: '(info)',
  ok: true,
})

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** The 95th percentile (nearest rank): with fewer than 20 samples, the slowest. */
export const p95 = (samples: number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]

/** Writes the report; figures from an earlier run that this run did not measure are kept. */
export function writeReport(
  figures: Figure[],
  file = join(__dirname, '..', 'bench-results', 'report.json'),
): void {
  mkdirSync(join(file, '..'), { recursive: true })
  const byName = new Map(figures.map((f) => [f.name, f]))
  figures = figures.map((f) => {
    const reference = referenceOf(f, byName)
    return reference ? { ...f, reference } : f
  })
  const fresh = new Set(figures.map((f) => f.name))
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]) : []
  writeFileSync(
    file,
    JSON.stringify([...earlier.filter((f) => !fresh.has(f.name)), ...figures], null, 2) + '\n',
  )
  const header = ['', 'figure', 'value', 'target', 'raw SQLite, same run']
  const rows = [
    header,
    ...figures.map((f) => [
      f.ok ? 'ok  ' : 'MISS',
      f.name,
      `${f.value} ${f.unit}`,
      f.target,
      f.reference ? `${f.reference.value} ${f.reference.unit}` : '',
    ]),
  ]
  const widths = [4, 0, 0, 0, 0].map((w, i) => Math.max(w, ...rows.map((r) => r[i].length)))
  console.log('\n' + rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'))
  console.log(`\n${figures.filter((f) => f.ok).length}/${figures.length} figures meet their target → ${file}`)
}
