import Taro from '@tarojs/taro'

/**
 * Room the input control itself allows past a limit: enough that a paste longer than the limit reaches the app
 * whole, so the app can cut it and say so (a control's own maxlength cuts without a word).
 */
export const inputRoom = (limit: number): number => limit + 1000

/** What cutting `text` to `limit` characters leaves, and how many characters went. */
export function cutTo(text: string, limit: number): { text: string; cut: number } {
  return text.length > limit ? { text: text.slice(0, limit), cut: text.length - limit } : { text, cut: 0 }
}

/** The words for a cut: never silent. */
export const cutMessage = (limit: number, cut: number): string => `最多 ${limit} 字，已截去超出的 ${cut} 字`

/** Text kept to `limit` characters; when something is cut, a toast says how much. */
export function keepWithin(text: string, limit: number): string {
  const kept = cutTo(text, limit)
  if (kept.cut > 0) void Taro.showToast({ title: cutMessage(limit, kept.cut), icon: 'none', duration: 2500 })
  return kept.text
}
