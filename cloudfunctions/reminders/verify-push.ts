import { z } from 'zod'
import { templateData } from '../../domain/subscribe-message'
import type { ReminderValues } from '../../types/entities'
import { ok } from '../../types/result'
import type { Result } from '../../types/result'
import { cloud } from '../_shared/cloud'
import { logEvent } from '../_shared/log'
import type { ReminderConfig } from '../_shared/reminder-config'
import { PAGES } from '../../types/routes'

/** What `npm run verify:live -- --openid` learns: whether WeChat took one test subscribe message. */
export interface PushCheck {
  sent: boolean
  kind: string
  templateId: string
  /** WeChat's errCode when it refused (-604101: the function's openapi permission is not registered). */
  errCode: number | null
  errMsg: string
}

const payloadSchema = z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict()

const SAMPLE: ReminderValues = {
  title: '上线检查：订阅消息',
  project: '党建项目通',
  branch: '上线检查',
  person: '部署人员',
  deadline: '2030-01-01',
  time: '2030-01-01 09:00',
  status: '测试',
  count: '1',
  summary: '这是一条上线检查消息',
  period: '本周',
}

/**
 * Sends one test subscribe message to the deployer, with the first kind that has a real template. Its answer is
 * what `verify:live` reports: a refused send is data (the errCode), not a failed call.
 */
export async function verifyPush(payload: unknown, config: ReminderConfig): Promise<Result<PushCheck>> {
  const parsed = payloadSchema.safeParse(payload)
  if (!parsed.success)
    return { ok: false, code: 'INVALID_INPUT', message: 'openid 格式不对（28 位左右的字母、数字、-、_）' }
  const entry = Object.entries(config.kinds).find(([, k]) => k.templateId && !/^tpl-/.test(k.templateId))
  if (!entry)
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: '订阅消息模板 ID 仍是占位符，没有可发送的模板（cloudfunctions/_shared/reminder-config.json）',
    }
  const [kind, { templateId, fields }] = entry
  const check: PushCheck = { sent: false, kind, templateId: templateId as string, errCode: null, errMsg: '' }
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: parsed.data.openid,
      templateId: templateId as string,
      page: PAGES.home,
      data: templateData(fields, SAMPLE),
      miniprogramState: config.miniprogramState,
      lang: 'zh_CN',
    })
    check.sent = true
  } catch (err) {
    const e = (err ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown }
    check.errCode = typeof e.errCode === 'number' ? e.errCode : Number(e.errCode ?? NaN) || -1
    check.errMsg = String(e.errMsg ?? e.message ?? '').slice(0, 300)
  }
  logEvent(check.sent ? 'info' : 'error', 'verify_push', { kind, errCode: check.errCode })
  return ok(check)
}
