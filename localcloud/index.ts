import { mkdirSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { LocalDatabase, installLocalDatabase } from './db'
import { loadFunctions } from './functions'
import type { LoadedFunction } from './functions'
import type { GatewayOptions } from './gateway/server'
import { APPID, contextOf, createGateway, invokeFunction } from './gateway/server'
import type { Runner } from './gateway/server'
import { newTrace } from './round-trips'
import { FunctionPool } from './worker/pool'
import { TRIGGER_CALLER, installIdentity } from './identity'
import type { Caller } from './identity'
import { installOpenApi } from './openapi'
import { resolveProfile, setActiveProfile } from './profile'
import type { CloudProfile } from './profile'
import { seedDemo } from './seed'
import { LocalStorage, installLocalStorage } from './storage'
import { startTimers } from './timers'

export const ROOT = resolve(__dirname, '..')

export interface LocalcloudOptions {
  port?: number
  host?: string
  /** SQLite file; ':memory:' for throwaway runs. */
  dbFile?: string
  storageDir?: string
  functionsDir?: string
  h5Dir?: string
  /** Wipe the database first. */
  reset?: boolean
  /** Load the demo company (once; a seeded database is left alone). */
  seed?: boolean
  timers?: boolean
  timeoutMs?: number
  /** The gateway's per-identity rate limit (default DEFAULT_RATE_LIMIT; false: none). */
  rateLimit?: GatewayOptions['rateLimit']
  /** How long a request body may take to arrive (default 20 s). */
  bodyTimeoutMs?: number
  /** How long request headers may take to arrive (default 10 s). */
  headersTimeoutMs?: number
  log?: (line: string) => void
  /** How strict to be: `cloud` is as strict as CloudBase (default: LOCALCLOUD_PROFILE, else `default`). */
  profile?: CloudProfile | CloudProfile['name']
}

export interface Localcloud {
  url: string
  profile: CloudProfile
  port: number
  db: LocalDatabase
  /** The folder standing in for cloud storage (what wx.cloud.uploadFile writes into). */
  storage: LocalStorage
  /**
   * Calls a function in this process as the mini-program does (`wx.cloud.callFunction`): as `caller` (an openid is
   * SOURCE wx_client), under the active profile and the function's timeout. Rejects as the runner does.
   */
  invoke: (fn: string, event: Record<string, unknown>, caller: string | Caller) => Promise<unknown>
  /** Tests: kills every running instance of a function (isolation only), answering how many there were. */
  killInstances: (fn: string) => number
  /** Fires a function's timer trigger now, exactly as the schedule would (tests use it instead of waiting). */
  fireTimer: (fn: string, trigger: string, at?: Date) => Promise<unknown>
  close: () => Promise<void>
}

/** Starts the whole embedded cloud: database, identity, storage, openapi, functions, timers and gateway. */
export async function startLocalcloud(opts: LocalcloudOptions = {}): Promise<Localcloud> {
  const log = opts.log ?? (() => undefined)
  const dbFile = opts.dbFile ?? join(ROOT, '.localcloud', 'data.sqlite')
  if (opts.reset && dbFile !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true })
  }
  if (dbFile !== ':memory:') mkdirSync(dirname(dbFile), { recursive: true })

  const profile = typeof opts.profile === 'object' ? opts.profile : resolveProfile(opts.profile)
  setActiveProfile(profile)
  if (profile.name !== 'default')
    log(
      `云端一致模式（${profile.name}）：每次请求延迟 ${profile.latency.meanMs}±${profile.latency.jitterMs} ms，冷启动 ${profile.coldStartMs} ms`,
    )
  installIdentity()
  const db = new LocalDatabase({
    file: dbFile,
    optimistic: profile.optimisticTransactions,
    limits: profile.limits,
  })
  const uninstallDb = installLocalDatabase(db)
  const storage = new LocalStorage(opts.storageDir ?? join(ROOT, '.localcloud', 'storage'))
  installLocalStorage(storage)
  const functions = loadFunctions(opts.functionsDir ?? join(ROOT, 'build', 'cloudfunctions'))
  installOpenApi(new Map([...functions].map(([name, fn]) => [name, fn.config.permissions?.openapi ?? []])))

  if (opts.seed) {
    const s = seedDemo(db, new Date(), storage)
    log(
      s.seeded
        ? `载入演示数据：${s.people} 人，${s.projects} 个项目`
        : `沿用已有数据：${s.people} 人，${s.projects} 个项目`,
    )
  }

  // Under isolation each function runs in worker threads of its own (worker/pool.ts), else in this process.
  const pools = new Map(
    profile.isolation
      ? [...functions.values()].map(
          (fn) => [fn.name, new FunctionPool(fn, profile, { db, storage })] as const,
        )
      : [],
  )
  const run: Runner = (fn, event, caller, timeoutMs, trace) => {
    const pool = pools.get(fn.name)
    return pool
      ? pool.invoke(event, contextOf(caller), timeoutMs, trace)
      : invokeFunction(fn, event, caller, timeoutMs, trace)
  }
  // What WeChat sends a timer-triggered function: no user, SOURCE wx_trigger, the trigger's name and time.
  const fire = (fn: LoadedFunction, trigger: string, at: Date) => {
    const timeoutMs = (fn.config.timeout ?? 3) * 1000
    const event = { Type: 'Timer', TriggerName: trigger, Time: at.toISOString() }
    return run(fn, event, TRIGGER_CALLER, timeoutMs, newTrace(fn.name, timeoutMs))
  }
  const stopTimers = opts.timers
    ? startTimers(functions.values(), async (fn, trigger, at) => {
        await fire(fn, trigger, at).catch((err: unknown) =>
          log(`timer ${fn.name}/${trigger} failed: ${err instanceof Error ? err.message : 'unknown'}`),
        )
      })
    : () => undefined

  const server = createGateway({
    db,
    functions,
    storage,
    run,
    h5Dir: opts.h5Dir ?? join(ROOT, 'dist-h5'),
    timeoutMs: opts.timeoutMs,
    rateLimit: opts.rateLimit,
    bodyTimeoutMs: opts.bodyTimeoutMs,
    headersTimeoutMs: opts.headersTimeoutMs,
    log,
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 8787, host, () => ok())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host.includes(':') ? `[${host}]` : host
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`
  storage.publicBase = url

  return {
    url,
    profile,
    port,
    db,
    storage,
    invoke: (name, event, caller) => {
      const fn = functions.get(name)
      if (!fn) return Promise.reject(new Error(`FUNCTION_NOT_FOUND ${name}`))
      const timeoutMs = opts.timeoutMs ?? (fn.config.timeout ?? 3) * 1000
      const openId = typeof caller === 'string' ? caller : caller.openid
      return run(
        fn,
        { ...event, userInfo: { appId: APPID, openId } },
        caller,
        timeoutMs,
        newTrace(name, timeoutMs),
      )
    },
    killInstances: (name) => pools.get(name)?.killAll() ?? 0,
    fireTimer: (name, trigger, at = new Date()) => {
      const fn = functions.get(name)
      if (!fn?.config.triggers?.some((t) => t.type === 'timer' && t.name === trigger))
        return Promise.reject(new Error(`${name} 没有名为 ${trigger} 的定时触发器`))
      return fire(fn, trigger, at)
    },
    close: async () => {
      stopTimers()
      await Promise.all([...pools.values()].map((p) => p.close()))
      await new Promise<void>((ok) => server.close(() => ok()))
      server.closeAllConnections()
      uninstallDb()
      db.close()
    },
  }
}
