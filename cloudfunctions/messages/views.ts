import { isKindOn, reminderKindsFor } from '../../domain/reminder-delivery'
import type { Actor } from '../../domain/roles'
import type { Message, ReminderKind } from '../../types/entities'
import type { MessageView, ReminderSettingsView } from '../../types/functions/messages'
import { iso } from '../_shared/project-views'
import type { ReminderConfig } from '../_shared/reminder-config'
import { cursorOf, parseCursor } from '../_shared/repositories/query'

export const toMessageView = (m: Message): MessageView => ({
  id: m._id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  read: m.read,
  createdAt: iso(m.createdAt),
})

/** The list cursor after message `m`: its instant in ms and its id. */
export const cursorAfter = (m: Pick<Message, '_id' | 'createdAt'>): string => cursorOf(m.createdAt, m._id)

export { parseCursor }

/** The kinds that can reach `actor`, each on or off, with the template its pushes use. */
export const settingsView = (
  actor: Actor,
  kinds: Partial<Record<ReminderKind, boolean>> | undefined,
  config: ReminderConfig,
): ReminderSettingsView => ({
  kinds: reminderKindsFor(actor).map((kind) => ({
    kind,
    on: isKindOn(kinds, kind),
    templateId: config.kinds[kind].templateId,
  })),
  quietHours: { ...config.rules.quietHours },
})
