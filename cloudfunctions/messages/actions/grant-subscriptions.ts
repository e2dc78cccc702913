import { fail, ok } from '../../../types/result'
import { now } from '../../_shared/clock'
import { configuredTemplateIds, reminderConfig } from '../../_shared/reminder-config'
import { addCredits, creditId } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'

const ours = configuredTemplateIds(reminderConfig)

/**
 * Records what the caller accepted in wx.requestSubscribeMessage: one credit per accepted template. WeChat
 * keeps the real credits; this count lets the sweep skip sends that could only fail (43101), and a 43101
 * sets it back to none, so an inflated count costs at most one failed call.
 */
export const grantSubscriptions: Handler<'messages', 'grantSubscriptions'> = async (
  { templateIds },
  { caller },
) => {
  const unknown = templateIds.flatMap((t, i) => (ours.has(t) ? [] : [i]))
  if (unknown.length > 0) {
    return fail(
      'INVALID_INPUT',
      '提交的内容不符合要求',
      unknown.map((i) => ({ path: `templateIds.${i}`, message: '不是本小程序的订阅消息模板' })),
    )
  }
  const counts = await addCredits(caller._id, templateIds, now())
  return ok({
    credits: templateIds.map((templateId) => ({
      templateId,
      count: counts.get(creditId(caller._id, templateId)) ?? 0,
    })),
  })
}
