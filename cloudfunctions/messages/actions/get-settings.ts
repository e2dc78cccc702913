import { ok } from '../../../types/result'
import { reminderConfig } from '../../_shared/reminder-config'
import { getSettings as readSettings } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'
import { settingsView } from '../views'

/** 消息设置: which reminder kinds reach the caller (all on until turned off) and the quiet hours. */
export const getSettings: Handler<'messages', 'getSettings'> = async (_params, { caller }) =>
  ok(settingsView(caller, (await readSettings(caller._id))?.kinds, reminderConfig))
