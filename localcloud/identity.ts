import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * How a function was called, as `getWXContext().SOURCE` reports it: `wx_client` from the mini-program,
 * `wx_trigger` from a timer (empty OPENID), and others with an empty OPENID too: `wx_http` (HTTP access),
 * `scf` (a call from another function or the console/CLI), `wx_devtools`. Only these values are WeChat's.
 */
export type CallSource = 'wx_client' | 'wx_trigger' | 'wx_http' | 'scf' | 'wx_devtools' | 'wx_unknown'

/** Who is calling: what WeChat would put into the function's context. */
export interface Caller {
  openid: string
  appid?: string
  unionid?: string
  /** Set by WeChat for a call from another account's mini-program (资源复用); OPENID is then empty. */
  fromOpenid?: string
  fromAppid?: string
  source?: CallSource
}

/** What WeChat gives a timer-triggered run: no user, SOURCE `wx_trigger`. */
export const TRIGGER_CALLER: Caller = { openid: '', source: 'wx_trigger' }

const store = new AsyncLocalStorage<Caller>()
const KEYS: Record<string, keyof Caller> = {
  WX_OPENID: 'openid',
  WX_APPID: 'appid',
  WX_UNIONID: 'unionid',
  WX_FROM_OPENID: 'fromOpenid',
  WX_FROM_APPID: 'fromAppid',
}
let installed = false

/**
 * wx-server-sdk's getWXContext() reads the caller from process.env (named by WX_CONTEXT_KEYS, plus
 * TCB_SOURCE). Several users share this process, so those keys are answered from the current request's
 * async context instead of ever being written into the environment.
 */
export function installIdentity(env = 'local'): void {
  if (installed) return
  installed = true
  const real = process.env
  process.env = new Proxy(real, {
    get(target, key) {
      if (key === 'WX_CONTEXT_KEYS') return Object.keys(KEYS).join(',')
      if (key === 'TCB_ENV') return target.TCB_ENV ?? env
      if (key === 'TCB_SOURCE') return store.getStore()?.source
      if (typeof key === 'string' && key in KEYS) return store.getStore()?.[KEYS[key]]
      return Reflect.get(target, key)
    },
    // Writes go to the environment itself (a worker thread's env refuses a write addressed to the proxy).
    set(target, key, value) {
      if (typeof key === 'string') target[key] = String(value)
      return true
    },
  })
}

/** Runs `fn` as `caller`; everything it awaits sees the same caller. */
export function runAs<T>(caller: Caller | null, fn: () => Promise<T>): Promise<T> {
  return caller ? store.run(caller, fn) : store.exit(fn)
}
