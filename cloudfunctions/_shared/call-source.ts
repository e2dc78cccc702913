import { cloud } from './cloud'

/** The parts of `getWXContext()` that say who is calling, as WeChat sets them (never from the payload). */
export interface CallContext {
  OPENID?: string
  UNIONID?: string
  FROM_OPENID?: string
  FROM_APPID?: string
  /** `wx_client`, `wx_trigger`, `wx_http`, `wx_devtools`…; a chain such as `wx_client,scf` through other functions. */
  SOURCE?: string
}

const context = (): CallContext => cloud.getWXContext() as CallContext

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The event a timer trigger sends, `{Type: 'Timer', TriggerName, Time}`; anyone can send one, so see `isTimerCall`. */
const isTimerEvent = (event: unknown): boolean =>
  isRecord(event) &&
  typeof event.Type === 'string' &&
  event.Type.toLowerCase() === 'timer' &&
  typeof event.TriggerName === 'string'

/**
 * A run started by the function's own timer trigger. An empty OPENID proves nothing: WeChat also leaves it empty
 * for HTTP access, the Web SDK, anonymous logins and cross-account calls (which carry FROM_OPENID). Only WeChat
 * sets SOURCE, and only a trigger gets `wx_trigger`.
 */
export function isTimerCall(event: unknown, ctx: CallContext = context()): boolean {
  return isTimerEvent(event) && ctx.SOURCE === 'wx_trigger' && !ctx.OPENID && !ctx.FROM_OPENID
}

/**
 * The deploy's own call (`npm run deploy -- --bootstrap`, i.e. `tcb fn invoke`): signed with the environment's
 * secret keys and sent through Tencent Cloud's API, so it carries no user at all and a Tencent Cloud source
 * (`scf`), never a `wx_` one. Every path a person can take is marked by WeChat: the app, HTTP access, the
 * devtools and timers with a `wx_` source (also when passed on through other functions, `wx_client,scf`), a
 * cross-account call with FROM_OPENID / FROM_APPID. A missing SOURCE is refused as well: nothing vouches for it.
 */
export function isDeployCall(ctx: CallContext = context()): boolean {
  if (ctx.OPENID || ctx.UNIONID || ctx.FROM_OPENID || ctx.FROM_APPID) return false
  const chain = (ctx.SOURCE ?? '').split(',').map((s) => s.trim())
  return chain.every((s) => s !== '' && !s.startsWith('wx_'))
}
