import { fail } from '../../types/result'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { reminderConfig } from '../_shared/reminder-config'
import { createEntry } from '../_shared/router'
import { sweep } from './sweep'
import { verifyPush } from './verify-push'

/** The timer's sweep, timed in its log line. */
const sweepNow = async () => {
  const started = Date.now()
  const summary = await sweep(now(), reminderConfig)
  logEvent('info', 'reminders_swept', { ...summary, ms: Date.now() - started })
  return summary
}

/**
 * `reminders`: the timer-triggered sweep that writes due reminders into 消息 and pushes subscribe messages. Only
 * the timer (SOURCE `wx_trigger`) runs one, so no client, HTTP or cross-account caller can start a sweep. The
 * deploy's own calls (`npm run verify:live`) may ask for a health check and one test push to the deployer.
 */
export const main = createEntry(
  'reminders',
  {
    timer: { name: 'sweep', run: sweepNow },
    deploy: { verifyPush: (payload) => verifyPush(payload, reminderConfig) },
  },
  async () => fail('FORBIDDEN', '提醒只由定时触发器发送'),
)
