import { z } from 'zod'
import { REMINDER_KINDS } from '../entities-reminders'
import type { ReminderKind, SubscribeMoment } from '../entities-reminders'
import { idSchema, pageCursor as cursor } from './common'

/** A subscribe-message template id as WeChat issues them (the function checks it is one of ours). */
const templateId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '模板编号格式不正确')

export const messagesSchemas = {
  /** 消息: the caller's messages, newest first, a page at a time, with the unread count. */
  list: z
    .object({
      cursor: cursor.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .strict(),
  /** The 消息 badge: how many of the caller's messages are unread (one count query). */
  unreadCount: z.object({}).strict(),
  /** Marks one of the caller's messages read (`id`), or all of them (`all: true`). */
  markRead: z.union([z.object({ id: idSchema }).strict(), z.object({ all: z.literal(true) }).strict()]),
  /** Which reminder kinds the caller receives (all on unless turned off), and the quiet hours. */
  getSettings: z.object({}).strict(),
  /** Turns reminder kinds on or off; kinds left out keep their setting. */
  saveSettings: z
    .object({
      kinds: z
        .partialRecord(z.enum(REMINDER_KINDS), z.boolean())
        .refine((k) => Object.keys(k).length > 0, '请至少设置一类提醒'),
    })
    .strict(),
  /**
   * After wx.requestSubscribeMessage: the template ids the caller accepted (each accept is one credit for
   * one message of that template). At most 3, as WeChat asks for at most 3 at a time.
   */
  grantSubscriptions: z
    .object({
      templateIds: z
        .array(templateId)
        .min(1, '请至少提供一个模板编号')
        .max(3, '一次最多 3 个模板编号')
        .refine((ids) => new Set(ids).size === ids.length, '模板编号不能重复'),
    })
    .strict(),
  /** The configured template id of each reminder kind, and which ids to ask for at which tap. */
  templates: z.object({}).strict(),
}

/** One message as the message centre shows it. */
export interface MessageView {
  id: string
  kind: ReminderKind
  title: string
  body: string
  /** The app route a tap opens, built with `routes` (types/routes.ts), e.g. routes.submission(id). */
  page: string
  read: boolean
  /** ISO instant. */
  createdAt: string
}

export interface MessageList {
  items: MessageView[]
  /** Pass back as `cursor` for the next page; null when there is none. */
  nextCursor: string | null
  unread: number
}

export interface MarkReadResult {
  /** Messages this call turned from unread to read (0 when they already were). */
  marked: number
  unread: number
}

export interface ReminderKindSetting {
  kind: ReminderKind
  on: boolean
  /** The subscribe-message template its pushes use; null: in-app message only. */
  templateId: string | null
}

export interface ReminderSettingsView {
  /** The kinds that can reach the caller, given their roles. */
  kinds: ReminderKindSetting[]
  /** China time, HH:MM: pushes wait until the end; in-app messages arrive at once. */
  quietHours: { start: string; end: string }
}

export interface SubscriptionCredits {
  /** Credits now held for the templates of this call. */
  credits: { templateId: string; count: number }[]
}

export interface SubscriptionTemplates {
  kinds: { kind: ReminderKind; templateId: string | null }[]
  /** At which tap to ask for which template ids (each list has 1–3 ids; none when nothing is configured). */
  prompts: { moment: SubscribeMoment; templateIds: string[] }[]
}

export interface MessagesOutputs {
  list: MessageList
  unreadCount: { count: number }
  markRead: MarkReadResult
  getSettings: ReminderSettingsView
  saveSettings: ReminderSettingsView
  grantSubscriptions: SubscriptionCredits
  templates: SubscriptionTemplates
}
