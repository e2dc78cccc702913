/** A person's steps on a Phone, each on what its screen renders through WeChat's compiled WXML. */
import type { Phone } from './phone'
import { Screen } from './view'

/** A finger on what the page on screen shows (the first `text` after `after`); then the app settles. */
export async function tap(phone: Phone, text: string | RegExp, after?: string | RegExp): Promise<void> {
  Screen.of(phone).tap(text, after)
  await phone.settled()
}

/** Keystrokes into the field under the label `label`. */
export async function type(phone: Phone, label: string | RegExp, value: string): Promise<void> {
  Screen.of(phone).type(label, value)
  await phone.settled()
}

/** What a tap on the tab bar does: WeChat's own bar, outside the page's WXML. */
export async function tab(phone: Phone, url: string): Promise<void> {
  ;(phone.wx.switchTab as (o: object) => void)({ url })
  await phone.settled()
}

/** The person answers the confirmation the app asked for. */
export async function confirm(phone: Phone, title?: RegExp): Promise<void> {
  const modal = await phone.dialog('showModal')
  if (title) expect(`${String(modal.options.title)} ${String(modal.options.content)}`).toMatch(title)
  modal.answer({ confirm: true, cancel: false })
  await phone.settled()
}

/** WeChat's subscribe dialog, when the app asks for one: the person accepts every template. */
export async function acceptSubscriptions(phone: Phone): Promise<void> {
  const asked = await phone.dialog('requestSubscribeMessage')
  const ids = asked.options.tmplIds as string[]
  asked.answer(Object.fromEntries(ids.map((id) => [id, 'accept'])))
  await phone.settled()
}
