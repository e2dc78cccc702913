import type { ReminderValueName, ReminderValues } from '../types/entities-reminders'

/**
 * WeChat's limits on subscribe-message values, per field type (characters): a key such as `thing1` is of
 * type `thing`. `name` allows 10 汉字, or 20 when the value is plain ASCII.
 */
export const SUBSCRIBE_VALUE_LIMITS = {
  thing: 20,
  phrase: 5,
  name: 10,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 30,
  date: 30,
  amount: 32,
  phone_number: 17,
  car_number: 8,
} as const
export type SubscribeFieldType = keyof typeof SUBSCRIBE_VALUE_LIMITS

/** Where one template field's value comes from: one of the reminder's named values, or fixed text. */
export type FieldSource = { from: ReminderValueName } | { text: string }

/** The type of a template field key (`thing1` → `thing`), or null when WeChat has no such type. */
export function fieldTypeOf(key: string): SubscribeFieldType | null {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  return type !== undefined && Object.prototype.hasOwnProperty.call(SUBSCRIBE_VALUE_LIMITS, type)
    ? (type as SubscribeFieldType)
    : null
}

const HAN = /\p{Script=Han}/u
const EMPTY: Partial<Record<SubscribeFieldType, string>> = {
  thing: '无',
  name: '无',
  phrase: '无',
  number: '0',
}

/**
 * A value WeChat accepts for a field of `type`: whitespace collapsed, only what the type may hold, cut to its
 * length (a `thing` ends in … when cut), never empty (WeChat refuses empty values).
 */
export function fitValue(type: SubscribeFieldType, value: string): string {
  let chars = [...value.replace(/\s+/g, ' ').trim()]
  if (type === 'phrase') chars = chars.filter((c) => HAN.test(c))
  if (type === 'number') chars = chars.filter((c) => /[0-9.]/.test(c))
  const limit =
    type === 'name' && chars.every((c) => c.charCodeAt(0) < 128) ? 20 : SUBSCRIBE_VALUE_LIMITS[type]
  if (chars.length > limit) {
    chars = type === 'thing' ? [...chars.slice(0, limit - 1), '…'] : chars.slice(0, limit)
  }
  const out = chars.join('').trim()
  return out === '' ? (EMPTY[type] ?? '-') : out
}

/** The `data` of subscribeMessage.send: each configured field filled from `values` and fitted to its type. */
export function templateData(
  fields: Record<string, FieldSource>,
  values: ReminderValues,
): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [key, source] of Object.entries(fields)) {
    const type = fieldTypeOf(key)
    if (!type) continue
    const raw = 'text' in source ? source.text : (values[source.from] ?? '')
    out[key] = { value: fitValue(type, raw) }
  }
  return out
}
