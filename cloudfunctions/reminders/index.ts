import { fail } from '../../types/result'
import type { Result } from '../../types/result'
import { isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { reminderConfig } from '../_shared/reminder-config'
import { runTimer } from '../_shared/timer-run'
import type { SweepSummary } from './deliver'
import { sweep } from './sweep'

/**
 * `reminders`: the timer-triggered sweep that writes due reminders into 消息 and pushes subscribe messages. Only
 * the timer (SOURCE `wx_trigger`) runs one, so no client, HTTP or cross-account caller can start a sweep.
 */
export async function main(event: unknown): Promise<Result<SweepSummary>> {
  if (!isTimerCall(event)) return fail('FORBIDDEN', '提醒只由定时触发器发送')
  const started = Date.now()
  return runTimer('reminders', 'sweep', async () => {
    const summary = await sweep(now(), reminderConfig)
    logEvent('info', 'reminders_swept', { ...summary, ms: Date.now() - started })
    return summary
  })
}
