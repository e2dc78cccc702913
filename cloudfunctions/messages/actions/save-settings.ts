import { reminderKindsFor } from '../../../domain/reminder-delivery'
import { REMINDER_KIND_LABELS } from '../../../domain/labels'
import { fail, ok } from '../../../types/result'
import type { ReminderKind } from '../../../types/entities'
import { now } from '../../_shared/clock'
import { reminderConfig } from '../../_shared/reminder-config'
import { getSettings, saveSettingsKinds } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'
import { settingsView } from '../views'

/** Turns reminder kinds on or off for the caller; kinds left out keep their setting. */
export const saveSettings: Handler<'messages', 'saveSettings'> = async ({ kinds }, { caller }) => {
  const mine = new Set(reminderKindsFor(caller))
  const foreign = (Object.keys(kinds) as ReminderKind[]).filter((k) => !mine.has(k))
  if (foreign.length > 0) {
    return fail(
      'INVALID_INPUT',
      '提交的内容不符合要求',
      foreign.map((k) => ({ path: `kinds.${k}`, message: `你不会收到“${REMINDER_KIND_LABELS[k]}”提醒` })),
    )
  }
  await saveSettingsKinds(caller._id, kinds, now())
  return ok(settingsView(caller, (await getSettings(caller._id))?.kinds, reminderConfig))
}
