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
  triggers?: TimerTrigger[]
  permissions?: { openapi?: string[] }
}

export interface LoadedFunction {
  name: string
  main: (event: unknown, context?: unknown) => Promise<unknown>
  config: FunctionConfig
}

const requireHere = createRequire(__filename)

/** Each function's timeout (seconds) as deployed: cloudbaserc.json sets it, WeChat's config.json cannot. */
function deployedTimeouts(): Map<string, number> {
  const file = join(__dirname, '..', 'cloudbaserc.json')
  if (!existsSync(file)) return new Map()
  const rc = JSON.parse(readFileSync(file, 'utf8')) as { functions?: { name: string; timeout?: number }[] }
  return new Map((rc.functions ?? []).flatMap((f) => (f.timeout ? [[f.name, f.timeout] as const] : [])))
}

/** Loads the built bundles (build/cloudfunctions/<name>/index.js), exactly what would be deployed. */
export function loadFunctions(dir: string): Map<string, LoadedFunction> {
  const out = new Map<string, LoadedFunction>()
  const timeouts = deployedTimeouts()
  if (!existsSync(dir)) throw new Error(`没有找到云函数构建目录 ${dir}，请先运行 npm run build:functions`)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'index.js')
    if (!entry.isDirectory() || !existsSync(file)) continue
    const mod = requireHere(file) as { main?: LoadedFunction['main'] }
    if (typeof mod.main !== 'function') throw new Error(`${file} 没有导出 main`)
    const cfgFile = join(dir, entry.name, 'config.json')
    const config = existsSync(cfgFile) ? (JSON.parse(readFileSync(cfgFile, 'utf8')) as FunctionConfig) : {}
    config.timeout ??= timeouts.get(entry.name)
    out.set(entry.name, { name: entry.name, main: mod.main, config })
  }
  return out
}
