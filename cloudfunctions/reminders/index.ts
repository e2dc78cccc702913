import { fail, ok } from '../../types/result'
import type { Result } from '../../types/result'
import { isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { reminderConfig } from '../_shared/reminder-config'
import type { SweepSummary } from './deliver'
import { sweep } from './sweep'

/**
 * `reminders`: the timer-triggered sweep that writes due reminders into 消息 and pushes subscribe messages. Only
 * the timer (SOURCE `wx_trigger`) runs one, so no client, HTTP or cross-account caller can start a sweep.
 */
export async function main(event: unknown): Promise<Result<SweepSummary>> {
  if (!isTimerCall(event)) return fail('FORBIDDEN', '提醒只由定时触发器发送')
  const started = Date.now()
  try {
    const summary = await sweep(now(), reminderConfig)
    logEvent('info', 'reminders_swept', { ...summary, ms: Date.now() - started })
    return ok(summary)
  } catch (err) {
    logEvent('error', 'function_failed', {
      fn: 'reminders',
      action: 'sweep',
      error: err instanceof Error ? err.name : 'unknown',
      detail: err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : null,
    })
    return fail('INTERNAL', '服务暂时不可用，请稍后再试')
  }
}
