import { REMINDER_KINDS, SUBSCRIBE_MOMENTS } from '../../../types/entities'
import { ok } from '../../../types/result'
import { promptTemplateIds, reminderConfig } from '../../_shared/reminder-config'
import type { Handler } from '../../_shared/router'

/**
 * The template ids the app asks wx.requestSubscribeMessage for, from configuration (a new template needs no
 * app release): per kind, and per tap (`prompts`, at most 3 ids each, as WeChat allows).
 */
export const templates: Handler<'messages', 'templates'> = async () =>
  ok({
    kinds: REMINDER_KINDS.map((kind) => ({ kind, templateId: reminderConfig.kinds[kind].templateId })),
    prompts: SUBSCRIBE_MOMENTS.map((moment) => ({
      moment,
      templateIds: promptTemplateIds(reminderConfig, moment),
    })),
  })
