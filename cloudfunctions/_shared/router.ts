import { z } from 'zod'
import type { ZodType } from 'zod'
import { ACTION_GATES, gateRefusal } from '../../domain/action-gates'
import type { GateRule } from '../../domain/action-gates'
import { schemas } from '../../types/api'
import type { ActionName, ActionOutput, ActionParams, FunctionName } from '../../types/api'
import type { Person } from '../../types/entities'
import { fail } from '../../types/result'
import type { Result } from '../../types/result'
import { isDeployCall, isTimerCall } from './call-source'
import { cloud } from './cloud'
import { health, isHealthCall } from './health'
import { FileLinks, withFileLinks } from './file-links'
import { internalFailure } from './log'
import { getPersonByOpenid } from './repositories/people'
import { runTimer } from './timer-run'
import { TransactionBusy } from './transaction'

/** What every handler knows about the call besides its validated payload. */
export interface Ctx {
  caller: Person
  /** The temporary links of the files the answer names: ask early to save a round trip (file-links.ts). */
  links: FileLinks
  /** What the handler's `early` reads found (see `readingEarly`), undefined for a handler without them. */
  early?: unknown
}

export type Handler<F extends FunctionName, A extends ActionName<F>> = ((
  params: ActionParams<F, A>,
  ctx: Ctx,
) => Promise<Result<ActionOutput<F, A>>>) & {
  early?: (params: ActionParams<F, A>) => Promise<unknown>
}

/**
 * A handler whose first reads depend only on its payload: the router issues them together with the caller's
 * lookup, saving a round trip. They only read, and their result reaches the handler only after the caller has
 * passed the action's role gate and the payload its schema; otherwise it is dropped unseen.
 */
export const readingEarly =
  <F extends FunctionName, A extends ActionName<F>>() =>
  <E>(
    early: (params: ActionParams<F, A>) => Promise<E>,
    handler: (params: ActionParams<F, A>, ctx: Ctx & { early: E }) => Promise<Result<ActionOutput<F, A>>>,
  ): Handler<F, A> =>
    Object.assign((params: ActionParams<F, A>, ctx: Ctx) => handler(params, ctx as Ctx & { early: E }), {
      early,
    })

/** One handler per action of the function's action map: a missing action does not compile. */
export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> }

// Validation messages in Simplified Chinese, like the rest of the product.
z.config(z.locales.zhCN())

type Main = (event: unknown) => Promise<Result<unknown>>

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Each action's most sequential database round trips in one call, the caller's lookup included: what it costs on
 * CloudBase, where every request waits several ms. Declared in each function's `budgets.ts` and held by
 * cloudfunctions/__tests__/round-trip-budgets.test.ts. An action without one does not compile.
 */
export type RoundTripBudgets<F extends FunctionName> = { readonly [A in ActionName<F>]: number }

/** The ways into a function besides its clients' actions: its timer and the deploy's own calls. */
export interface EntryOptions {
  /**
   * The function's timer trigger: `run` goes only when its own trigger starts the call (isTimerCall: SOURCE
   * `wx_trigger`, no user), never for a client. Its summary comes back as `ok`, a throw as a logged INTERNAL.
   */
  timer?: { name: string; run: () => Promise<unknown> }
  /** A function with more than one timer trigger: each by its name (the event's TriggerName), as `timer` runs. */
  timers?: Readonly<Record<string, () => Promise<unknown>>>
  /**
   * Calls only the deploy makes (isDeployCall: keys-signed, no WeChat user, no `wx_` source), by `event.action`,
   * each given `event.payload`. To every other caller they are whatever the function answers an unknown action.
   */
  deploy?: Readonly<Record<string, (payload: unknown) => Promise<Result<unknown>>>>
}

export interface MainOptions<F extends FunctionName> extends EntryOptions {
  /** Actions any WeChat user may call, registered or not (四公开): an unknown caller gets a guest. */
  anonymous?: readonly ActionName<F>[]
  roundTrips: RoundTripBudgets<F>
}

/**
 * A function's one entry: the health check, then its timer, then the deploy's calls, then `rest` (the router
 * of its clients' actions, or a refusal for a function that has none).
 */
export function createEntry(fn: string, options: EntryOptions, rest: Main): Main {
  const { timer, timers = {}, deploy = {} } = options
  return async (event) => {
    if (isHealthCall(event)) return health(fn)
    if (isTimerCall(event)) {
      const name = String((event as { TriggerName?: unknown }).TriggerName)
      if (Object.prototype.hasOwnProperty.call(timers, name)) return runTimer(fn, name, timers[name])
      if (timer) return runTimer(fn, timer.name, timer.run)
    }
    const action = isRecord(event) && typeof event.action === 'string' ? event.action : ''
    if (Object.prototype.hasOwnProperty.call(deploy, action) && isDeployCall()) {
      try {
        return await deploy[action]((event as Record<string, unknown>).payload)
      } catch (err) {
        return internalFailure(fn, action, err)
      }
    }
    return rest(event)
  }
}

/** 职工群众 without a Party role: no grants and no branch, so every permission rule refuses them naturally. */
export const guest = (openid: string): Person => ({
  _id: `guest:${openid}`,
  openid,
  name: '职工群众',
  phone: '',
  branchId: null,
  groupId: null,
  title: '',
  grants: [],
})

/**
 * Builds a cloud function's `main`: route by `event.action`, resolve the caller from the WeChat context (never
 * from the payload), check the action's role gate (domain/action-gates), then validate `event.payload`, run,
 * and turn any throw into `INTERNAL`. Permission comes before validation: a caller who may not call an action
 * learns FORBIDDEN, not what the payload should look like.
 */
export function createMain<F extends FunctionName>(
  fn: F,
  handlers: Handlers<F>,
  options: MainOptions<F>,
): Main {
  const anonymous: readonly string[] = options.anonymous ?? []
  const fnSchemas = schemas[fn] as Record<string, ZodType>
  const gates = (ACTION_GATES[fn] ?? {}) as Partial<Record<string, GateRule>>
  return createEntry(fn, options, async (event) => {
    const action = isRecord(event) && typeof event.action === 'string' ? event.action : ''
    if (!Object.prototype.hasOwnProperty.call(handlers, action) || !fnSchemas[action]) {
      return fail('UNKNOWN_ACTION', `未知的操作：${action.slice(0, 40) || '（空）'}`)
    }
    try {
      const openid = cloud.getWXContext().OPENID
      if (!openid) return fail('UNAUTHENTICATED', '请先登录')
      const handler = handlers[action as ActionName<F>] as unknown as ((
        p: unknown,
        c: Ctx,
      ) => Promise<Result<unknown>>) & { early?: (p: unknown) => Promise<unknown> }
      const payload = isRecord(event) ? (event.payload ?? {}) : {}
      const parsed = fnSchemas[action].safeParse(payload)
      // Payload-only reads travel with the caller's lookup; their result is kept until the gate has passed.
      const early = parsed.success && handler.early ? settle(handler.early(parsed.data)) : null
      const caller = (await getPersonByOpenid(openid)) ?? (anonymous.includes(action) ? guest(openid) : null)
      if (!caller) return fail('NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记')
      const gate = gates[action]
      const refusal = gate ? gateRefusal(caller, gate) : null
      if (refusal) return fail('FORBIDDEN', refusal)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        return fail('INVALID_INPUT', '提交的内容不符合要求', issues)
      }
      const links = new FileLinks()
      const ctx: Ctx = { caller, links, early: early ? unsettle(await early) : undefined }
      return await withFileLinks(await handler(parsed.data, ctx), links)
    } catch (err) {
      if (err instanceof TransactionBusy) return fail('CONFLICT', '其他人正在同时修改，请稍后重试')
      return internalFailure(fn, action, err)
    }
  })
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

/** A promise that never rejects, so early reads that fail before the gate never surface as unhandled. */
const settle = (p: Promise<unknown>): Promise<Settled> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

/** The early reads' value, or their failure thrown where the handler would have met it. */
function unsettle(s: Settled): unknown {
  if (!s.ok) throw s.error
  return s.value
}
