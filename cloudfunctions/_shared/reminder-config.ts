import { z } from 'zod'
import { parseClock } from '../../domain/reminder-rules'
import type { ReminderRules } from '../../domain/reminder-rules'
import { fieldTypeOf, fitValue } from '../../domain/subscribe-message'
import type { FieldSource } from '../../domain/subscribe-message'
import { REMINDER_KINDS, REMINDER_VALUES, SUBSCRIBE_MOMENTS } from '../../types/entities'
import type { ReminderKind, SubscribeMoment } from '../../types/entities'
import raw from './reminder-config.json'

/** One reminder kind's push: its subscribe-message template (null: in-app only) and how its fields are filled. */
export interface KindConfig {
  templateId: string | null
  fields: Record<string, FieldSource>
}

/** reminder-config.json: the rules, each kind's template and field mapping, and when the app asks. */
export interface ReminderConfig {
  /** subscribeMessage.send's miniprogramState: which version of the app a tap opens. */
  miniprogramState: 'formal' | 'trial' | 'developer'
  /** At most this many new messages per sweep (the rest are written by the next one), to stay in time. */
  maxPerSweep: number
  rules: ReminderRules
  kinds: Record<ReminderKind, KindConfig>
  prompts: Record<SubscribeMoment, ReminderKind[]>
}

const count = z.number().int().min(0).max(365)
const clock = z.string().refine((s) => parseClock(s) !== null, '须为 HH:MM')
const source = z.union([
  z.object({ from: z.enum(REMINDER_VALUES) }).strict(),
  z.object({ text: z.string().min(1) }).strict(),
])

const kindSchema = z
  .object({
    templateId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .nullable(),
    fields: z.record(z.string(), source),
  })
  .strict()
  .superRefine((k, ctx) => {
    if (k.templateId && Object.keys(k.fields).length === 0)
      ctx.addIssue({ code: 'custom', message: '有模板的提醒须配置字段' })
    for (const [key, s] of Object.entries(k.fields)) {
      const type = fieldTypeOf(key)
      if (!type) ctx.addIssue({ code: 'custom', path: ['fields', key], message: '不是微信的字段类型' })
      else if ('text' in s && fitValue(type, s.text) !== s.text)
        ctx.addIssue({ code: 'custom', path: ['fields', key], message: '固定文字超出该类型的长度或字符限制' })
    }
  })

const kindsShape = Object.fromEntries(REMINDER_KINDS.map((k) => [k, kindSchema])) as Record<
  ReminderKind,
  typeof kindSchema
>
const promptKinds = z.array(z.enum(REMINDER_KINDS)).min(1)
const promptsShape = Object.fromEntries(SUBSCRIBE_MOMENTS.map((m) => [m, promptKinds])) as Record<
  SubscribeMoment,
  typeof promptKinds
>

const configSchema = z
  .object({
    miniprogramState: z.enum(['formal', 'trial', 'developer']),
    maxPerSweep: z.number().int().min(1).max(100_000),
    rules: z
      .object({
        dueSoonDays: count,
        escalateAfterDays: count,
        approvalWaitHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 365),
        reviewWaitHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 365),
        lectureDueDays: count,
        lookbackDays: count.min(1),
        quietHours: z.object({ start: clock, end: clock }).strict(),
        digest: z
          .object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23) })
          .strict(),
      })
      .strict(),
    kinds: z.object(kindsShape).strict(),
    prompts: z.object(promptsShape).strict(),
  })
  .strict()

/** Checks a reminder configuration; throws naming every problem (a bad file fails at cold start, loudly). */
export function parseReminderConfig(input: unknown): ReminderConfig {
  const parsed = configSchema.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`reminder-config.json 无效：${issues}`)
  }
  const config = parsed.data as ReminderConfig
  for (const moment of SUBSCRIBE_MOMENTS) {
    if (promptTemplateIds(config, moment).length > 3)
      throw new Error(`reminder-config.json 无效：prompts.${moment} 超过 3 个模板（微信一次最多申请 3 个）`)
  }
  return config
}

/** The distinct template ids the app asks for at `moment` (WeChat takes at most 3 per request). */
export function promptTemplateIds(config: ReminderConfig, moment: SubscribeMoment): string[] {
  const ids = config.prompts[moment].map((k) => config.kinds[k].templateId)
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

/** Every template id the configuration uses. */
export const configuredTemplateIds = (config: ReminderConfig): Set<string> =>
  new Set(REMINDER_KINDS.flatMap((k) => config.kinds[k].templateId ?? []))

export const reminderConfig: ReminderConfig = parseReminderConfig(raw)
