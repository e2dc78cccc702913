import { isKindOn } from '../../domain/reminder-delivery'
import type { RectificationFact } from '../../domain/notifications'
import { formatDay } from '../../domain/dates'
import type { PlannedReminder } from '../../domain/reminder-delivery'
import type { Rectification } from '../../types/entities-supervision'
import type { Message, ReminderKind } from '../../types/entities'
import { COLLECTIONS } from './cloud'
import { reminderConfig } from './reminder-config'
import { getSettingsOf, insertMessages, toMessage } from './repositories/messages'
import { listSecretariesOf } from './repositories/supervision'
import type { Tx } from './transaction'

/**
 * Event notifications (domain/notifications.ts), the way an action sends them: written into 消息 at once,
 * under the `_id` their key gives (so a retried action stores each once), with their push left to the
 * reminders sweep. A kind with a template waits as `deferred`: the sweep's sendDeferred claims it, spends
 * one credit and sends it outside quiet hours, or marks it `no_credit`, exactly as for reminders. An action
 * therefore never calls WeChat and never waits for it.
 *
 * Cost for the action: one read (the recipients' settings) that can go alongside a read it makes anyway, and
 * one write that can go alongside a write it makes anyway (`notifyInTx` inside a transaction, `notify`
 * outside one). Neither adds a sequential round trip when issued with Promise.all.
 */

/** Marks the messages an action wrote (a message's `sweepId` is whoever wrote it or claimed its push). */
export const EVENT_WRITER = 'event'

/** A planned notification as stored, its push waiting for the sweep. */
export function eventMessage(p: PlannedReminder, now: Date): Message {
  const templateId = reminderConfig.kinds[p.kind].templateId
  return toMessage(p, templateId, templateId ? 'deferred' : 'no_template', now, EVENT_WRITER)
}

export type KindSettings = Map<string, Partial<Record<ReminderKind, boolean>>>

/** The recipients' settings: start this alongside the action's own reads. No recipients, no read. */
export const settingsOf = (personIds: readonly string[]): Promise<KindSettings> =>
  personIds.length === 0 ? Promise.resolve(new Map()) : getSettingsOf(personIds)

/** What is left once each recipient's settings have had their say. */
export const wanted = (planned: readonly PlannedReminder[], settings: KindSettings): PlannedReminder[] =>
  planned.filter((p) => isKindOn(settings.get(p.personId), p.kind))

/**
 * Writes notifications inside a transaction, by `_id`: returns the writes to await together with the
 * transaction's own (a retried transaction writes the same documents again, never a second copy).
 */
export function notifyInTx(t: Tx, planned: readonly PlannedReminder[], now: Date): Promise<unknown>[] {
  return planned.map((p) => {
    const { _id, ...doc } = eventMessage(p, now)
    return t.collection(COLLECTIONS.messages).doc(_id).set({ data: doc })
  })
}

/**
 * Writes notifications outside a transaction: what is stored already (the action was retried, or the same
 * notice was sent today) stays as it was. Answers how many were new. Batches of 100 per insert.
 */
export async function notify(
  planned: readonly PlannedReminder[],
  settings: KindSettings,
  now: Date,
): Promise<number> {
  const docs = wanted(planned, settings).map((p) => eventMessage(p, now))
  if (docs.length === 0) return 0
  const writer = `${EVENT_WRITER}:${now.getTime()}:${Math.random().toString(36).slice(2, 10)}`
  const owned = await insertMessages(
    docs.map((d) => ({ ...d, sweepId: writer })),
    writer,
  )
  return owned.size
}

/** The secretaries of these branches (by branch) and their settings: for notices that go to a branch. */
export async function branchSecretaries(
  branchIds: readonly string[],
): Promise<{ secretaries: Record<string, string[]>; settings: KindSettings }> {
  const unique = [...new Set(branchIds)]
  const lists = await Promise.all(unique.map((b) => listSecretariesOf(b)))
  const secretaries = Object.fromEntries(unique.map((b, i) => [b, lists[i].map((p) => p._id)]))
  return { secretaries, settings: await settingsOf(lists.flat().map((p) => p._id)) }
}

/** A stored rectification as its notices describe it. */
export const rectificationFact = (id: string, r: Omit<Rectification, '_id'>): RectificationFact => ({
  id,
  spotCheckId: r.spotCheckId,
  projectTitle: r.projectTitle,
  branchId: r.branchId,
  branchName: r.branchName,
  text: r.text,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  deadline: formatDay(r.deadline),
  status: r.status,
  createdBy: r.createdBy,
})
