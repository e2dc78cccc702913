import { AsyncLocalStorage } from 'node:async_hooks'

/** Who is calling: what WeChat would put into the function's context. */
export interface Caller {
  openid: string
  appid?: string
  unionid?: string
}

const store = new AsyncLocalStorage<Caller>()
const KEYS: Record<string, keyof Caller> = { WX_OPENID: 'openid', WX_APPID: 'appid', WX_UNIONID: 'unionid' }
let installed = false

/**
 * wx-server-sdk's getWXContext() reads the caller from process.env (named by WX_CONTEXT_KEYS). Several
 * users share this process, so those keys are answered from the current request's async context instead
 * of ever being written into the environment.
 */
export function installIdentity(env = 'local'): void {
  if (installed) return
  installed = true
  const real = process.env
  process.env = new Proxy(real, {
    get(target, key) {
      if (key === 'WX_CONTEXT_KEYS') return Object.keys(KEYS).join(',')
      if (key === 'TCB_ENV') return target.TCB_ENV ?? env
      if (typeof key === 'string' && key in KEYS) return store.getStore()?.[KEYS[key]]
      return Reflect.get(target, key)
    },
  })
}

/** Runs `fn` as `caller`; everything it awaits sees the same caller. */
export function runAs<T>(caller: Caller | null, fn: () => Promise<T>): Promise<T> {
  return caller ? store.run(caller, fn) : store.exit(fn)
}
