import { builtinModules, createRequire } from 'node:module'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { nextFire } from '../localcloud/timers'
import type { QueryShape } from '../localcloud/db/query-log'

/** The SDK every function bundle requires and nothing else: WeChat installs it from package.json. */
export const SDK = 'wx-server-sdk'
export const SDK_VERSION = '4.0.2'

/** One finding of a check: a failure stops a deploy; a warning is printed. */
export interface Finding {
  level: 'error' | 'warning'
  where: string
  message: string
}

const error = (where: string, message: string): Finding => ({ level: 'error', where, message })
const warning = (where: string, message: string): Finding => ({ level: 'warning', where, message })

export interface Trigger {
  name: string
  type: string
  config: string
}

export interface FunctionConfig {
  permissions?: { openapi?: string[] }
  triggers?: Trigger[]
}

/** A built function folder, as read from build/cloudfunctions/<name>/. */
export interface BuiltFunction {
  name: string
  /** null when the file is missing. */
  bundle: string | null
  packageJson: string | null
  configJson: string | null
  /** Other files in the folder (an index.ts beside index.js breaks deployment). */
  files: string[]
}

export interface RcFunction {
  name: string
  runtime?: string
  handler?: string
  timeout?: number
  triggers?: Trigger[]
}

export interface CloudbaseRc {
  envId?: string
  functionRoot?: string
  functions?: RcFunction[]
}

export interface ProjectConfig {
  miniprogramRoot?: string
  cloudfunctionRoot?: string
}

/** deploy/database.json */
export interface DatabaseSpec {
  rule: { read: unknown; write: unknown }
  collections: Record<string, string[][]>
}

// ---------------------------------------------------------------------------------------------------------
// Function bundles

/**
 * Loads a bundle the way the cloud would (CommonJS, `require` of Node built-ins and wx-server-sdk only),
 * with wx-server-sdk replaced by an inert stand-in, and returns its exports. Module-scope code runs
 * (cloud.init, database()), so a bundle that throws on load is caught here, not after deploying.
 */
export function loadBundle(
  code: string,
  filename: string,
): { exports: Record<string, unknown>; requires: string[] } {
  const requires: string[] = []
  const inert: unknown = new Proxy(function inert() {}, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : inert),
    apply: () => inert,
    construct: () => inert as object,
  })
  // The SDK's real export names, each inert: a bundle that uses a name the SDK does not have fails here too.
  const nodeRequire = createRequire(__filename)
  const sdk = Object.fromEntries(Object.keys(nodeRequire(SDK) as object).map((k) => [k, inert]))
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
  const fakeRequire = (id: string): unknown => {
    requires.push(id)
    if (id === SDK) return sdk
    if (builtins.has(id)) return nodeRequire(id) as unknown
    throw new Error(`requires "${id}", which is neither bundled nor installed in the cloud`)
  }
  const module = { exports: {} as Record<string, unknown> }
  const run = new Function('module', 'exports', 'require', '__filename', '__dirname', code) as (
    ...args: unknown[]
  ) => void
  run(module, module.exports, fakeRequire, filename, filename.replace(/[\\/][^\\/]*$/, ''))
  return { exports: module.exports, requires }
}

/** `openapi.<namespace>.<method>` calls a bundle makes, e.g. `subscribeMessage.send`. */
export function openapiCalls(bundle: string): { calls: string[]; untraceable: number } {
  const calls = new Set<string>()
  for (const m of bundle.matchAll(/\bopenapi\.([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)/g))
    calls.add(`${m[1]}.${m[2]}`)
  // `cloud.openapi` used any other way (aliased, destructured, called) cannot be followed by a scan.
  const all = [...bundle.matchAll(/\.openapi\b/g)].length
  const traced = [...bundle.matchAll(/\.openapi\.[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*/g)].length
  return { calls: [...calls].sort(), untraceable: all - traced }
}

/** Whether a 7-field WeChat cron expression is valid and fires at least once in the coming years. */
export function cronProblem(cron: unknown, from = new Date()): string | null {
  if (typeof cron !== 'string') return '定时触发器的 config 须为字符串 (cron must be a string)'
  try {
    return nextFire(cron, from) ? null : `定时触发器永不触发 (never fires): ${cron}`
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

function parseJson<T>(text: string | null, where: string, findings: Finding[]): T | null {
  if (text === null) {
    findings.push(error(where, '文件不存在 (missing)'))
    return null
  }
  try {
    return JSON.parse(text) as T
  } catch {
    findings.push(error(where, 'JSON 无法解析 (invalid JSON)'))
    return null
  }
}

/** Every check of one built function folder. */
export function checkBuiltFunction(fn: BuiltFunction): Finding[] {
  const out: Finding[] = []
  const at = (file: string) => `build/cloudfunctions/${fn.name}/${file}`
  if (fn.files.some((f) => f === 'index.ts'))
    out.push(
      error(
        at('index.ts'),
        'index.ts 与 index.js 并存会使部署失败 (an index.ts beside index.js breaks deployment)',
      ),
    )

  if (fn.bundle === null) out.push(error(at('index.js'), '文件不存在 (missing)'))
  else {
    try {
      // Not `exports`: CommonJS output reads this module's own exports through that name.
      const loaded = loadBundle(fn.bundle, at('index.js'))
      const requires = loaded.requires
      if (typeof loaded.exports.main !== 'function')
        out.push(error(at('index.js'), '没有导出 main 函数 (does not export a function `main`)'))
      if (!requires.includes(SDK))
        out.push(error(at('index.js'), `没有引用 ${SDK} (does not require ${SDK})`))
    } catch (err) {
      out.push(
        error(
          at('index.js'),
          `加载失败 (fails to load): ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
    }
  }

  const pkg = parseJson<{ main?: string; dependencies?: Record<string, string> }>(
    fn.packageJson,
    at('package.json'),
    out,
  )
  if (pkg) {
    const deps = pkg.dependencies ?? {}
    if (deps[SDK] !== SDK_VERSION)
      out.push(
        error(
          at('package.json'),
          `${SDK} 须精确为 ${SDK_VERSION}，现为 ${deps[SDK] ?? '（无）'} (must pin ${SDK} exactly)`,
        ),
      )
    const others = Object.keys(deps).filter((d) => d !== SDK)
    if (others.length > 0)
      out.push(
        error(
          at('package.json'),
          `多余的依赖 ${others.join(', ')}：其余代码应打包进 index.js (extra dependencies)`,
        ),
      )
    if (pkg.main !== undefined && pkg.main !== 'index.js')
      out.push(error(at('package.json'), `main 须为 index.js (main must be index.js)`))
  }

  const config = parseJson<FunctionConfig>(fn.configJson, at('config.json'), out)
  if (config) {
    const names = new Set<string>()
    for (const [i, t] of (config.triggers ?? []).entries()) {
      const where = `${at('config.json')} triggers[${i}]`
      if (t.type !== 'timer')
        out.push(error(where, `只支持定时触发器 (only timer triggers): ${String(t.type)}`))
      if (!t.name || names.has(t.name))
        out.push(error(where, '触发器名称为空或重复 (trigger name empty or repeated)'))
      names.add(t.name)
      const problem = cronProblem(t.config)
      if (problem) out.push(error(where, problem))
    }
    const granted = new Set(config.permissions?.openapi ?? [])
    if (fn.bundle !== null) {
      const { calls, untraceable } = openapiCalls(fn.bundle)
      for (const call of calls)
        if (!granted.has(call))
          out.push(
            error(
              at('config.json'),
              `代码调用了 openapi.${call}，但 permissions.openapi 没有它 (calls openapi.${call} without the permission)`,
            ),
          )
      if (untraceable > 0)
        out.push(
          error(
            at('index.js'),
            `cloud.openapi 有 ${untraceable} 处无法静态追踪的用法：请写成 cloud.openapi.<ns>.<method>(…) (untraceable openapi use)`,
          ),
        )
      for (const perm of granted)
        if (!calls.includes(perm))
          out.push(
            warning(
              at('config.json'),
              `声明了 openapi 权限 ${perm} 但代码未使用 (permission declared but unused)`,
            ),
          )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Project files

const normalizeDir = (p: string | undefined): string =>
  (p ?? '').replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')

/** cloudbaserc.json, project.config.json and the built folders agree on where functions live and what they are. */
export function checkProjectFiles(
  rc: CloudbaseRc,
  project: ProjectConfig,
  functionNames: readonly string[],
  configs: Record<string, FunctionConfig | null>,
): Finding[] {
  const out: Finding[] = []
  const rcRoot = normalizeDir(rc.functionRoot)
  const ptRoot = normalizeDir(project.cloudfunctionRoot)
  if (!rcRoot) out.push(error('cloudbaserc.json', '缺少 functionRoot (functionRoot missing)'))
  if (rcRoot !== ptRoot)
    out.push(
      error(
        'cloudbaserc.json',
        `functionRoot (${rc.functionRoot}) 与 project.config.json 的 cloudfunctionRoot (${project.cloudfunctionRoot}) 不一致 (disagree)`,
      ),
    )
  if (normalizeDir(project.miniprogramRoot) !== 'dist')
    out.push(error('project.config.json', `miniprogramRoot 须为 dist/ (is ${project.miniprogramRoot})`))
  if (typeof rc.envId === 'string' && !/^\{\{.+\}\}$/.test(rc.envId))
    out.push(
      error('cloudbaserc.json', 'envId 应写成 {{env.CLOUD_ENV}}，由 .env 提供 (envId must come from .env)'),
    )

  const rcFunctions = rc.functions ?? []
  const rcNames = rcFunctions.map((f) => f.name)
  for (const name of functionNames)
    if (!rcNames.includes(name))
      out.push(error('cloudbaserc.json', `缺少函数 ${name} (function folder not deployed)`))
  for (const f of rcFunctions) {
    const where = `cloudbaserc.json functions.${f.name}`
    if (!functionNames.includes(f.name))
      out.push(error(where, '没有对应的函数目录 (no such function folder)'))
    if (rcNames.indexOf(f.name) !== rcNames.lastIndexOf(f.name)) out.push(error(where, '重复 (listed twice)'))
    if (f.handler !== 'index.main') out.push(error(where, `handler 须为 index.main (is ${f.handler})`))
    if (!f.runtime?.startsWith('Nodejs')) out.push(error(where, `runtime 须为 Nodejs (is ${f.runtime})`))
    if (typeof f.timeout !== 'number' || f.timeout < 1 || f.timeout > 60)
      out.push(error(where, `timeout 须在 1–60 秒 (is ${f.timeout})`))
    // The CLI creates triggers from cloudbaserc.json, DevTools from config.json: both must say the same.
    const fromRc = JSON.stringify((f.triggers ?? []).map((t) => [t.name, t.type, t.config]))
    const fromConfig = JSON.stringify(
      (configs[f.name]?.triggers ?? []).map((t) => [t.name, t.type, t.config]),
    )
    if (configs[f.name] && fromRc !== fromConfig)
      out.push(
        error(
          where,
          `triggers 与 ${f.name}/config.json 不一致 (disagree with config.json): ${fromRc} ≠ ${fromConfig}`,
        ),
      )
    for (const [i, t] of (f.triggers ?? []).entries()) {
      const problem = cronProblem(t.config)
      if (problem) out.push(error(`${where} triggers[${i}]`, problem))
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Database

/** Collection names WeChat accepts: letters, digits, _ and -, not starting with _, at most 96 characters. */
const COLLECTION_NAME = /^[A-Za-z0-9-][A-Za-z0-9_-]{0,95}$/

/** Collections whose name starts with `_` are localcloud's stand-ins for WeChat's own state (outbox, credits). */
export const isLocalOnly = (collection: string): boolean => collection.startsWith('_')

/** The COLLECTIONS map of cloudfunctions/_shared/cloud.ts, read from its text (importing it would init the SDK). */
export function parseCollections(source: string): string[] {
  const body = /export const COLLECTIONS = \{([\s\S]*?)\}/.exec(source)?.[1]
  if (!body) throw new Error('cloud.ts 中没有找到 COLLECTIONS')
  return [...body.matchAll(/:\s*'([^']+)'/g)].map((m) => m[1])
}

/** database.json is well-formed, closed, and declares every collection the code names and localcloud indexes. */
export function checkDatabaseSpec(
  spec: DatabaseSpec,
  codeCollections: readonly string[],
  localIndexes: Record<string, string[][]>,
  localOnlyCollections: readonly string[] = ['sessions'],
): Finding[] {
  const out: Finding[] = []
  const where = 'deploy/database.json'
  if (spec.rule?.read !== false || spec.rule?.write !== false)
    out.push(error(where, `安全规则须为 {"read": false, "write": false} (rule must close every collection)`))
  for (const [name, indexes] of Object.entries(spec.collections ?? {})) {
    if (!COLLECTION_NAME.test(name))
      out.push(error(`${where} ${name}`, '集合名不合法 (invalid collection name)'))
    const seen = new Set<string>()
    for (const index of indexes) {
      if (!Array.isArray(index) || index.length === 0 || index.some((f) => typeof f !== 'string' || f === ''))
        out.push(error(`${where} ${name}`, `索引须为非空字段列表 (bad index ${JSON.stringify(index)})`))
      const key = JSON.stringify(index)
      if (seen.has(key)) out.push(error(`${where} ${name}`, `索引重复 (index repeated) ${key}`))
      seen.add(key)
    }
  }
  for (const name of codeCollections)
    if (!(name in spec.collections))
      out.push(error(where, `缺少集合 ${name}（COLLECTIONS 中有）(collection in COLLECTIONS not declared)`))
  for (const [name, indexes] of Object.entries(localIndexes)) {
    if (localOnlyCollections.includes(name) || isLocalOnly(name)) continue
    const declared = new Set((spec.collections[name] ?? []).map((i) => JSON.stringify(i)))
    for (const index of indexes)
      if (!declared.has(JSON.stringify(index)))
        out.push(
          error(
            where,
            `${name} 缺少索引 ${JSON.stringify(index)}：localcloud 的查询计划依赖它 (localcloud index not declared for production)`,
          ),
        )
  }
  return out
}

/**
 * Every query the functions ran (recorded by localcloud during their integration tests) has what it needs in
 * production: its collection is declared; unless it pins `_id`, some index leads with a field it filters on
 * (or, with no filter, with its first sort field); and every field it filters or sorts on is in an index.
 */
export function checkQueryCoverage(spec: DatabaseSpec, shapes: readonly QueryShape[]): Finding[] {
  const out = new Map<string, Finding>()
  const add = (f: Finding) => out.set(`${f.where}|${f.message}`, f)
  for (const q of shapes) {
    if (isLocalOnly(q.collection)) continue
    const where = `deploy/database.json ${q.collection}`
    const describe = `${q.api} 过滤 [${q.filter.join(', ')}] 排序 [${q.sort.join(', ')}]`
    const indexes = spec.collections[q.collection]
    if (!indexes) {
      add(error(where, `代码查询了未声明的集合 (queried but not declared): ${describe}`))
      continue
    }
    if (q.byId) continue
    const filter = q.filter.filter((f) => f !== '_id')
    const sort = q.sort.filter((f) => f !== '_id')
    if (filter.length > 0 && !indexes.some((i) => filter.includes(i[0])))
      add(
        error(
          where,
          `没有以过滤字段开头的索引，生产中会全表扫描 (no index leads with a filtered field): ${describe}`,
        ),
      )
    if (filter.length === 0 && sort.length > 0 && !indexes.some((i) => i[0] === sort[0]))
      add(error(where, `没有以排序字段开头的索引 (no index leads with the sort field): ${describe}`))
    const indexed = new Set(indexes.flat())
    for (const field of [...filter, ...sort])
      if (!indexed.has(field))
        add(error(where, `字段 ${field} 不在任何索引中 (field in no index): ${describe}`))
  }
  return [...out.values()]
}

// ---------------------------------------------------------------------------------------------------------
// Reading the real project

export interface ProjectFiles {
  root: string
  rc: CloudbaseRc
  project: ProjectConfig
  database: DatabaseSpec
  collections: string[]
  /** Function folders in the sources (cloudfunctions/<name>/index.ts). */
  sourceFunctions: string[]
  /** Source config.json of each function (null when it has none). */
  configs: Record<string, FunctionConfig | null>
}

export function sourceFunctionNames(root: string): string[] {
  const dir = join(root, 'cloudfunctions')
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export function readProject(root: string): ProjectFiles {
  const json = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T
  const sourceFunctions = sourceFunctionNames(root)
  const configs: Record<string, FunctionConfig | null> = {}
  for (const name of sourceFunctions) {
    const file = join(root, 'cloudfunctions', name, 'config.json')
    configs[name] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig) : null
  }
  return {
    root,
    rc: json<CloudbaseRc>('cloudbaserc.json'),
    project: json<ProjectConfig>('project.config.json'),
    database: json<DatabaseSpec>('deploy/database.json'),
    collections: parseCollections(readFileSync(join(root, 'cloudfunctions', '_shared', 'cloud.ts'), 'utf8')),
    sourceFunctions,
    configs,
  }
}

export function readBuiltFunction(buildRoot: string, name: string): BuiltFunction {
  const dir = join(buildRoot, name)
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : null)
  return {
    name,
    bundle: read('index.js'),
    packageJson: read('package.json'),
    configJson: read('config.json'),
    files: existsSync(dir) ? readdirSync(dir) : [],
  }
}

/** Every static check: built folders, project files, database declarations. */
export function staticChecks(
  files: ProjectFiles,
  buildRoot: string,
  localIndexes: Record<string, string[][]>,
): Finding[] {
  const built = existsSync(buildRoot)
    ? readdirSync(buildRoot, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : []
  const out: Finding[] = []
  for (const name of files.sourceFunctions)
    if (!built.includes(name))
      out.push(error(`build/cloudfunctions/${name}`, '没有构建 (not built): npm run build:functions'))
  for (const name of built) {
    if (!files.sourceFunctions.includes(name))
      out.push(error(`build/cloudfunctions/${name}`, '没有对应的源码目录，会被误部署 (stale build folder)'))
    out.push(...checkBuiltFunction(readBuiltFunction(buildRoot, name)))
  }
  out.push(...checkProjectFiles(files.rc, files.project, files.sourceFunctions, files.configs))
  out.push(...checkDatabaseSpec(files.database, files.collections, localIndexes))
  return out
}
