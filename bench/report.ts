import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** One figure of the benchmark report: what was measured, the goal, and whether it was met. */
export interface Figure {
  name: string
  value: number
  unit: string
  target: string
  ok: boolean
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

/** Writes the report; figures from an earlier run that this run did not measure are kept. */
export function writeReport(
  figures: Figure[],
  file = join(__dirname, '..', 'bench-results', 'report.json'),
): void {
  mkdirSync(join(file, '..'), { recursive: true })
  const fresh = new Set(figures.map((f) => f.name))
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]) : []
  writeFileSync(
    file,
    JSON.stringify([...earlier.filter((f) => !fresh.has(f.name)), ...figures], null, 2) + '\n',
  )
  const rows = figures.map((f) => [f.ok ? 'ok  ' : 'MISS', f.name, `${f.value} ${f.unit}`, f.target])
  const widths = [4, 0, 0, 0].map((w, i) => Math.max(w, ...rows.map((r) => r[i].length)))
  console.log('\n' + rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'))
  console.log(`\n${figures.filter((f) => f.ok).length}/${figures.length} figures meet their target → ${file}`)
}
