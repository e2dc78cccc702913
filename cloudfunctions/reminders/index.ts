import { fail } from '../../types/result'
import type { Result } from '../../types/result'
import { isDeployCall, isTimerCall } from '../_shared/call-source'
import { now } from '../_shared/clock'
import { health, isHealthCall } from '../_shared/health'
import { logEvent } from '../_shared/log'
import { reminderConfig } from '../_shared/reminder-config'
import { runTimer } from '../_shared/timer-run'
import { sweep } from './sweep'
import { isVerifyPush, verifyPush } from './verify-push'

/**
 * `reminders`: the timer-triggered sweep that writes due reminders into 消息 and pushes subscribe messages. Only
 * the timer (SOURCE `wx_trigger`) runs one, so no client, HTTP or cross-account caller can start a sweep. The
 * deploy's own calls (`npm run verify:live`) may ask for a health check and one test push to the deployer.
 */
export async function main(event: unknown): Promise<Result<unknown>> {
  if (isHealthCall(event)) return health('reminders')
  if (isVerifyPush(event) && isDeployCall()) {
    const res = await runTimer('reminders', 'verifyPush', () => verifyPush(event.payload, reminderConfig))
    return res.ok ? res.data : res
  }
  if (!isTimerCall(event)) return fail('FORBIDDEN', '提醒只由定时触发器发送')
  const started = Date.now()
  return runTimer('reminders', 'sweep', async () => {
    const summary = await sweep(now(), reminderConfig)
    logEvent('info', 'reminders_swept', { ...summary, ms: Date.now() - started })
    return summary
  })
}
