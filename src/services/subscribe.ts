import Taro from '@tarojs/taro'
import type { SubscriptionTemplates } from '@contract/api'
import type { SubscribeMoment } from '@contract/entities'
import { callCloud } from './call-cloud'

/** WeChat asks for at most this many templates in one requestSubscribeMessage. */
export const MAX_TEMPLATES_PER_ASK = 3

/** localcloud's stand-in for WeChat's consent dialog (H5 only; see localcloud/gateway/server.ts). */
const DEV_SUBSCRIBE_PATH = '/dev/subscribe'

// The ids come from configuration, so a new template needs no release; they change only with a deployment,
// so one load per app session is enough. `loaded` is read synchronously: WeChat accepts the request only
// within the tap, before any network wait.
let loaded: SubscriptionTemplates | null = null
let loading: Promise<SubscriptionTemplates> | null = null

/** A reminder credit is a bonus: a failure never reaches the person, only a developer's console. */
function note(error: unknown): void {
  if (process.env.NODE_ENV === 'development') console.warn('订阅消息：', error)
}

function loadTemplates(): Promise<SubscriptionTemplates> {
  if (!loading) {
    loading = callCloud('messages', 'templates', {}).then(
      (templates) => {
        loaded = templates
        return templates
      },
      (error: unknown) => {
        // The next tap tries again.
        loading = null
        throw error
      },
    )
  }
  return loading
}

/**
 * Fetches the template ids ahead of the taps that ask for them (WeChat only: in the browser nothing waits on
 * a gesture). Never throws.
 */
export function preloadSubscribeTemplates(): void {
  if (process.env.TARO_ENV !== 'weapp' || loaded) return
  loadTemplates().catch(note)
}

/** Forgets the loaded ids (tests; a new session). */
export function resetSubscribeTemplates(): void {
  loaded = null
  loading = null
}

/** WeChat's dialog: the ids the person answered 'accept' to (not 'reject', 'ban' or 'filter'). */
async function askWeChat(ids: string[]): Promise<string[]> {
  // Taro's option type also demands Alipay's entityIds; WeChat reads only tmplIds.
  const res = (await Taro.requestSubscribeMessage({
    tmplIds: ids,
  } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
  return ids.filter((id) => res[id] === 'accept')
}

/** localcloud has no dialog: its gateway grants the credit its fake WeChat will spend, as an accept would. */
async function askLocalcloud(ids: string[]): Promise<string[]> {
  const res = await fetch(DEV_SUBSCRIBE_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ templateIds: ids }),
  })
  const json = (await res.json().catch(() => null)) as { ok?: boolean } | null
  if (!res.ok || !json?.ok) throw new Error(`${DEV_SUBSCRIBE_PATH} answered ${res.status}`)
  return ids
}

// Outside the async body, so the weapp build folds the condition and drops localcloud's path (the transpiled
// async state machine would keep it).
const ask = (ids: string[]): Promise<string[]> =>
  process.env.TARO_ENV === 'weapp' ? askWeChat(ids) : askLocalcloud(ids)

/**
 * Asks the person to allow one WeChat notification for each template (at most 3, duplicates dropped) and
 * records what they accepted. Call it straight from a tap: on WeChat the dialog opens before anything is
 * awaited. Answers the ids now granted; never throws ([] when anything failed).
 */
export async function requestSubscriptions(templateIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(templateIds)].slice(0, MAX_TEMPLATES_PER_ASK)
  if (ids.length === 0) return []
  try {
    const accepted = await ask(ids)
    if (accepted.length === 0) return []
    await callCloud('messages', 'grantSubscriptions', { templateIds: accepted })
    return accepted
  } catch (error) {
    note(error)
    return []
  }
}

/**
 * At a natural tap (提交打卡, 通过, 批准立项…): asks for the templates the server pairs with `moment`, so the
 * next reminders of that kind can reach WeChat. Call it first in the tap handler and do not await it: it never
 * blocks or fails the action itself.
 */
export async function askToSubscribe(moment: SubscribeMoment): Promise<void> {
  try {
    // No await when the ids are here already, so the request stays inside the tap.
    const templates = loaded ?? (await loadTemplates())
    await requestSubscriptions(templates.prompts.find((p) => p.moment === moment)?.templateIds ?? [])
  } catch (error) {
    note(error)
  }
}
