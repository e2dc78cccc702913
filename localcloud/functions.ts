import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export interface FunctionConfig {
  timeout?: number
  /** MB, as cloudbaserc.json deploys it (WeChat's default 256). */
  memorySize?: number
  triggers?: TimerTrigger[]
  permissions?: { openapi?: string[] }
}

export interface LoadedFunction {
  name: string
  /** The bundle's path, for running it in a worker of its own. */
  file?: string
  main: (event: unknown, context?: unknown) => Promise<unknown>
  config: FunctionConfig
}

const requireHere = createRequire(__filename)

interface Deployed {
  timeout?: number
  memorySize?: number
}

/** Each function's timeout (seconds) and memory (MB) as deployed: cloudbaserc.json sets them, config.json cannot. */
function deployedSettings(): Map<string, Deployed> {
  const file = join(__dirname, '..', 'cloudbaserc.json')
  if (!existsSync(file)) return new Map()
  const rc = JSON.parse(readFileSync(file, 'utf8')) as { functions?: ({ name: string } & Deployed)[] }
  return new Map((rc.functions ?? []).map((f) => [f.name, { timeout: f.timeout, memorySize: f.memorySize }]))
}

/** Loads the built bundles (build/cloudfunctions/<name>/index.js), exactly what would be deployed. */
export function loadFunctions(dir: string): Map<string, LoadedFunction> {
  const out = new Map<string, LoadedFunction>()
  const deployed = deployedSettings()
  if (!existsSync(dir)) throw new Error(`没有找到云函数构建目录 ${dir}，请先运行 npm run build:functions`)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'index.js')
    if (!entry.isDirectory() || !existsSync(file)) continue
    const mod = requireHere(file) as { main?: LoadedFunction['main'] }
    if (typeof mod.main !== 'function') throw new Error(`${file} 没有导出 main`)
    const cfgFile = join(dir, entry.name, 'config.json')
    const config = existsSync(cfgFile) ? (JSON.parse(readFileSync(cfgFile, 'utf8')) as FunctionConfig) : {}
    config.timeout ??= deployed.get(entry.name)?.timeout
    config.memorySize ??= deployed.get(entry.name)?.memorySize
    out.set(entry.name, { name: entry.name, file, main: mod.main, config })
  }
  return out
}
