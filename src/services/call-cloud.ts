import { rememberFileLinks } from './file-url'
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@contract/api'
import type { Result } from '@contract/result'
import { CloudError } from './cloud-error'
import { goToDevSignIn } from './dev-sign-in'
import { fromWeChatFailure } from './wechat-errors'

/** What every function receives as its event. */
interface CloudEvent<F extends FunctionName, A extends ActionName<F>> {
  action: A
  payload: ActionInput<F, A>
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

async function callWeapp(name: string, data: unknown): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> })
    return res.result
  } catch (error) {
    const failure = fromWeChatFailure(error, name)
    throw new CloudError(failure.code, failure.message)
  }
}

async function callGateway(name: string, data: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(data),
    })
  } catch {
    throw new CloudError('NETWORK')
  }
  // The gateway answers errors with the same JSON envelope whatever the status, so read the body first.
  try {
    return await response.json()
  } catch {
    throw new CloudError('NETWORK', `服务暂时不可用（${response.status}）`)
  }
}

/** Calls one action of one cloud function and returns its typed data, or throws a CloudError. */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const event: CloudEvent<F, A> = { action, payload }
  const raw = process.env.TARO_ENV === 'weapp' ? await callWeapp(fn, event) : await callGateway(fn, event)
  if (!isResult(raw)) throw new CloudError('INTERNAL')
  if (raw.ok) {
    rememberFileLinks(raw.files)
    return raw.data as ActionOutput<F, A>
  }

  if (process.env.TARO_ENV === 'h5' && raw.code === 'UNAUTHENTICATED') goToDevSignIn()
  throw new CloudError(raw.code, raw.message, raw.issues)
}
