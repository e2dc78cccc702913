import { z } from 'zod'
import { hasVisibleText } from '../text'

export { hasVisibleText }

/** Document ids: short opaque strings, never paths. */
/** Where the previous page ended (opaque: pass back `nextCursor`). */
export const pageCursor = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, '翻页位置无效')

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')

/**
 * Every free-text input: trimmed, at most `max` characters, and never only invisible characters. `required`
 * is the message for an empty one; without it, empty text is allowed (an optional field left blank).
 */
export const freeText = (max: number, messages: { required?: string; tooLong?: string } = {}) => {
  const trimmed = z.string().trim()
  return (messages.required ? trimmed.min(1, messages.required) : trimmed)
    .max(max, messages.tooLong ?? `不能超过 ${max} 个字`)
    .refine((t) => t === '' || hasVisibleText(t), messages.required ?? '不能只有空白或不可见字符')
}

export const pagingSchema = {
  page: z.number().int().min(1).max(500).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
}

/** One page of a list; `total` counts every match, not just this page. */
export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  hasMore: boolean
}

/** A 小程序码 to show or draw on a poster: the PNG/JPEG as a data URL, the page it opens and its `scene`. */
export interface MiniCodeView {
  image: string
  page: string
  scene: string
}
