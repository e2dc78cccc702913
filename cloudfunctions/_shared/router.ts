import { z } from 'zod'
import type { ZodType } from 'zod'
import { ACTION_GATES, gateRefusal } from '../../domain/action-gates'
import type { GateRule } from '../../domain/action-gates'
import { schemas } from '../../types/api'
import type { ActionName, ActionOutput, ActionParams, FunctionName } from '../../types/api'
import type { Person } from '../../types/entities'
import { fail } from '../../types/result'
import type { Result } from '../../types/result'
import { cloud } from './cloud'
import { health, isHealthCall } from './health'
import { withFileLinks } from './file-links'
import { internalFailure } from './log'
import { getPersonByOpenid } from './repositories/people'
import { TransactionBusy } from './transaction'

/** What every handler knows about the call besides its validated payload. */
export interface Ctx {
  caller: Person
}

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  params: ActionParams<F, A>,
  ctx: Ctx,
) => Promise<Result<ActionOutput<F, A>>>

/** One handler per action of the function's action map: a missing action does not compile. */
export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> }

// Validation messages in Simplified Chinese, like the rest of the product.
z.config(z.locales.zhCN())

type Main = (event: unknown) => Promise<Result<unknown>>

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export interface MainOptions<F extends FunctionName> {
  /** Actions any WeChat user may call, registered or not (四公开): an unknown caller gets a guest. */
  anonymous?: readonly ActionName<F>[]
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
  options: MainOptions<F> = {},
): Main {
  const anonymous: readonly string[] = options.anonymous ?? []
  const fnSchemas = schemas[fn] as Record<string, ZodType>
  const gates = (ACTION_GATES[fn] ?? {}) as Partial<Record<string, GateRule>>
  return async (event) => {
    if (isHealthCall(event)) return health(fn)
    const action = isRecord(event) && typeof event.action === 'string' ? event.action : ''
    if (!Object.prototype.hasOwnProperty.call(handlers, action) || !fnSchemas[action]) {
      return fail('UNKNOWN_ACTION', `未知的操作：${action.slice(0, 40) || '（空）'}`)
    }
    try {
      const openid = cloud.getWXContext().OPENID
      if (!openid) return fail('UNAUTHENTICATED', '请先登录')
      const caller = (await getPersonByOpenid(openid)) ?? (anonymous.includes(action) ? guest(openid) : null)
      if (!caller) return fail('NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记')
      const gate = gates[action]
      const refusal = gate ? gateRefusal(caller, gate) : null
      if (refusal) return fail('FORBIDDEN', refusal)
      const parsed = fnSchemas[action].safeParse(isRecord(event) ? (event.payload ?? {}) : {})
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        return fail('INVALID_INPUT', '提交的内容不符合要求', issues)
      }
      const handler = handlers[action as ActionName<F>] as unknown as (
        p: unknown,
        c: Ctx,
      ) => Promise<Result<unknown>>
      return await withFileLinks(await handler(parsed.data, { caller }))
    } catch (err) {
      if (err instanceof TransactionBusy) return fail('CONFLICT', '其他人正在同时修改，请稍后重试')
      return internalFailure(fn, action, err)
    }
  }
}
