import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** WeChat's limits are 2 MB a package and 20 MB in all; ours are tighter, so first screens stay fast. */
export const BUDGETS = {
  main: 1024 * 1024,
  subpackage: 2 * 1024 * 1024,
  total: 8 * 1024 * 1024,
} as const

export interface PackageSize {
  /** 'main', or a subpackage's root (packages/groups). */
  name: string
  bytes: number
  budget: number
}

export interface PackageSizes {
  packages: PackageSize[]
  total: number
  totalBudget: number
}

interface AppJson {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

/**
 * Bytes of each package of a weapp build, as WeChat counts them: a file belongs to the subpackage whose root
 * holds it, everything else to the main package. Source maps are not uploaded, so they do not count.
 */
export function measurePackages(dist: string): PackageSizes {
  const appFile = join(dist, 'app.json')
  if (!existsSync(appFile)) throw new Error(`没有找到 ${appFile}：请先运行 npm run build:weapp`)
  const app = JSON.parse(readFileSync(appFile, 'utf8')) as AppJson
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''))
  const bytes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const file of listFiles(dist)) {
    if (file.endsWith('.map')) continue
    const rel = relative(dist, file).split(sep).join('/')
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main'
    bytes.set(root, (bytes.get(root) ?? 0) + statSync(file).size)
  }
  const packages = [...bytes].map(([name, size]) => ({
    name,
    bytes: size,
    budget: name === 'main' ? BUDGETS.main : BUDGETS.subpackage,
  }))
  return { packages, total: packages.reduce((s, p) => s + p.bytes, 0), totalBudget: BUDGETS.total }
}

/** Each package (and the total) that is over its budget, in words. */
export function overBudget(sizes: PackageSizes): string[] {
  const out = sizes.packages
    .filter((p) => p.bytes > p.budget)
    .map((p) => `${p.name} ${kb(p.bytes)} > ${kb(p.budget)}`)
  if (sizes.total > sizes.totalBudget) out.push(`total ${kb(sizes.total)} > ${kb(sizes.totalBudget)}`)
  return out
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** One line for reports: `main 812.3 KB / 1024.0 KB · packages/groups 80.1 KB / 2048.0 KB · total …`. */
export function describeSizes(sizes: PackageSizes): string {
  return [
    ...sizes.packages.map((p) => `${p.name} ${kb(p.bytes)} / ${kb(p.budget)}`),
    `total ${kb(sizes.total)} / ${kb(sizes.totalBudget)}`,
  ].join(' · ')
}
