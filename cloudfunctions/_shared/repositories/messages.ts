import { createHash } from 'node:crypto'
import type { DB } from 'wx-server-sdk'
import type { PlannedReminder } from '../../../domain/reminder-delivery'
import type {
  Message,
  PushState,
  ReminderKind,
  ReminderLogEntry,
  ReminderSettingsDoc,
  SubscriptionCredit,
} from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import type { PageMark } from './query'
import { MAX_PAGE, chunk, getByIds, readPage, getById } from './query'

const messages = () => db.collection(COLLECTIONS.messages)
const credits = () => db.collection(COLLECTIONS.subscriptionCredits)
const settings = () => db.collection(COLLECTIONS.reminderSettings)

/** A message's `_id`: derived from its reminder key, so the same reminder can only ever be stored once. */
export const messageId = (key: string): string =>
  `rm-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`

/** A planned reminder or notification as stored, unread, its push at `pushState`, written by `writer`. */
export function toMessage(
  p: PlannedReminder,
  templateId: string | null,
  pushState: PushState,
  createdAt: Date,
  writer: string,
): Message {
  return {
    _id: messageId(p.key),
    key: p.key,
    kind: p.kind,
    personId: p.personId,
    itemId: p.itemId,
    title: p.title,
    body: p.body,
    page: p.page,
    values: p.values,
    read: false,
    readAt: null,
    createdAt,
    templateId,
    pushState,
    pushReason: '',
    pushAt: null,
    sweepId: writer,
  }
}

export const creditId = (personId: string, templateId: string): string => `${personId}:${templateId}`

type Updated = { stats: { updated: number } }

/** Whether an insert went in (it fails on a duplicate `_id`). */
const inserted = (add: unknown): Promise<boolean> =>
  Promise.resolve(add).then(
    () => true,
    () => false,
  )

/** The caller's messages, newest first, after `before`, on the (personId, createdAt) index. */
export async function listMessages(personId: string, before: PageMark | null, limit: number) {
  return readPage<Message>(COLLECTIONS.messages, { personId }, 'createdAt', before, limit)
}

export const countUnread = async (personId: string): Promise<number> =>
  ((await messages().where({ personId, read: false }).count()) as DB.ICountResult).total

/** Marks the person's unread messages (one, or all) read; answers how many changed. */
export async function markRead(personId: string, id: string | null, at: Date): Promise<number> {
  const where = id === null ? { personId, read: false } : { _id: id, personId, read: false }
  const res = (await messages()
    .where(where)
    .update({ data: { read: true, readAt: at } })) as Updated
  return res.stats.updated
}

/** Whether the person has a message with this id (read or not). */
export async function ownsMessage(personId: string, id: string): Promise<boolean> {
  const res = (await messages()
    .where({ _id: id, personId })
    .field({ _id: true })
    .limit(1)
    .get()) as DB.IQueryResult
  return res.data.length > 0
}

/** Which of these message ids are stored already. */
export async function existingMessageIds(ids: readonly string[]): Promise<Set<string>> {
  const found = await getByIds(COLLECTIONS.messages, ids, { _id: true })
  return new Set(found.map((m) => m._id))
}

const INSERT_BATCH = 100

/**
 * Inserts messages that were not there when looked for, and answers the ids this sweep wrote. A batch
 * insert fails as a whole (or stops part-way) when another sweep wrote one of them first; then the batch is
 * read back — what carries this sweep's id is ours — and the rest are inserted one by one, each failing
 * alone on a duplicate `_id`. Either way each message is written, and owned, by exactly one sweep.
 */
export async function insertMessages(docs: readonly Message[], sweepId: string): Promise<Set<string>> {
  const owned = new Set<string>()
  for (const part of chunk(docs, INSERT_BATCH)) {
    if (part.length === 0) continue
    const whole = await inserted(messages().add({ data: [...part] }))
    if (whole) {
      part.forEach((m) => owned.add(m._id))
      continue
    }
    const res = (await messages()
      .where({ _id: _.in(part.map((m) => m._id)) })
      .field({ _id: true, sweepId: true })
      .limit(part.length)
      .get()) as DB.IQueryResult
    const stored = new Map((res.data as Pick<Message, '_id' | 'sweepId'>[]).map((m) => [m._id, m.sweepId]))
    for (const m of part) {
      if (stored.has(m._id)) {
        if (stored.get(m._id) === sweepId) owned.add(m._id)
        continue
      }
      const added = await inserted(messages().add({ data: m }))
      if (added) owned.add(m._id)
    }
  }
  return owned
}

/** Records where the pushes of these messages ended. */
export async function setPushState(
  ids: readonly string[],
  pushState: PushState,
  pushReason: string,
  at: Date,
): Promise<void> {
  for (const part of chunk([...ids])) {
    if (part.length === 0) continue
    await messages()
      .where({ _id: part.length === 1 ? part[0] : _.in(part) })
      .update({ data: { pushState, pushReason, pushAt: at } })
  }
}

/** Messages whose push waits for the end of quiet hours, oldest first. */
export async function listDeferred(limit = MAX_PAGE): Promise<Message[]> {
  const res = (await messages()
    .where({ pushState: 'deferred' })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as Message[]
}

/**
 * Claims deferred pushes for this sweep. The update moves each message out of `deferred` exactly once, so of
 * two sweeps at once only one claims it; reading back which carry this sweep's id says which are ours.
 */
export async function claimDeferred(ids: readonly string[], sweepId: string): Promise<Set<string>> {
  const owned = new Set<string>()
  for (const part of chunk([...ids])) {
    if (part.length === 0) continue
    await messages()
      .where({ _id: _.in(part), pushState: 'deferred' })
      .update({ data: { pushState: 'sending', sweepId } })
    const res = (await messages()
      .where({ _id: _.in(part), sweepId, pushState: 'sending' })
      .field({ _id: true })
      .limit(part.length)
      .get()) as DB.IQueryResult
    for (const m of res.data as { _id: string }[]) owned.add(m._id)
  }
  return owned
}

export const getSettings = (personId: string): Promise<ReminderSettingsDoc | null> =>
  getById<ReminderSettingsDoc>(COLLECTIONS.reminderSettings, personId)

/** Settings of many people at once: the kinds each turned on or off (absent: all on). */
export async function getSettingsOf(
  personIds: readonly string[],
): Promise<Map<string, Partial<Record<ReminderKind, boolean>>>> {
  const found = await getByIds<Pick<ReminderSettingsDoc, '_id' | 'kinds'>>(
    COLLECTIONS.reminderSettings,
    personIds,
    {
      _id: true,
      kinds: true,
    },
  )
  return new Map(found.map((s) => [s._id, s.kinds ?? {}]))
}

/**
 * Sets the named kinds on or off and leaves the others: each kind is its own field (`kinds.<kind>`), so two
 * devices saving different kinds at once do not undo each other. The document is created on first save.
 */
export async function saveSettingsKinds(
  personId: string,
  kinds: Partial<Record<ReminderKind, boolean>>,
  at: Date,
): Promise<void> {
  const fields = Object.fromEntries(Object.entries(kinds).map(([k, v]) => [`kinds.${k}`, v]))
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = (await settings()
      .where({ _id: personId })
      .update({ data: { ...fields, updatedAt: at } })) as Updated
    // Nothing changed: either there is no document yet, or it already said exactly this.
    if (res.stats.updated === 1 || (await getSettings(personId))) return
    const doc: ReminderSettingsDoc = { _id: personId, kinds, updatedAt: at }
    const added = await inserted(settings().add({ data: doc }))
    if (added) return
  }
  throw new Error('saveSettingsKinds: could not store the settings')
}

/** One more credit for each template (one accept in wx.requestSubscribeMessage); answers the counts now. */
export async function addCredits(
  personId: string,
  templateIds: readonly string[],
  at: Date,
): Promise<Map<string, number>> {
  for (const templateId of templateIds) {
    const id = creditId(personId, templateId)
    let done = false
    for (let attempt = 0; attempt < 3 && !done; attempt++) {
      const res = (await credits()
        .where({ _id: id })
        .update({ data: { count: _.inc(1), updatedAt: at } })) as Updated
      if (res.stats.updated === 1) done = true
      else {
        const doc: SubscriptionCredit = { _id: id, personId, templateId, count: 1, updatedAt: at }
        // A concurrent grant may create it first; then the next round increments it.
        done = await inserted(credits().add({ data: doc }))
      }
    }
    if (!done) throw new Error('addCredits: could not record the credit')
  }
  return getCreditCounts(templateIds.map((t) => creditId(personId, t)))
}

/** Credit counts by credit id (`<personId>:<templateId>`); none recorded counts 0. */
export async function getCreditCounts(ids: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(ids)]
  const out = new Map<string, number>(wanted.map((id) => [id, 0]))
  const found = await getByIds<Pick<SubscriptionCredit, '_id' | 'count'>>(
    COLLECTIONS.subscriptionCredits,
    wanted,
    {
      _id: true,
      count: true,
    },
  )
  for (const c of found) out.set(c._id, c.count)
  return out
}

/** Takes one credit, if there is one: a conditional update, so two sends never spend the same credit. */
export async function spendCredit(personId: string, templateId: string, at: Date): Promise<boolean> {
  const res = (await credits()
    .where({ _id: creditId(personId, templateId), count: _.gt(0) })
    .update({ data: { count: _.inc(-1), updatedAt: at } })) as Updated
  return res.stats.updated === 1
}

/** Gives back a credit WeChat did not use (the send failed for another reason than 43101). */
export async function refundCredit(personId: string, templateId: string, at: Date): Promise<void> {
  await credits()
    .where({ _id: creditId(personId, templateId) })
    .update({ data: { count: _.inc(1), updatedAt: at } })
}

/** WeChat says there is no credit (43101): our count was wrong, so it is set to none. */
export async function clearCredits(personId: string, templateId: string, at: Date): Promise<void> {
  await credits()
    .where({ _id: creditId(personId, templateId) })
    .update({ data: { count: 0, updatedAt: at } })
}

/** Appends send and failure records, many per call. */
export async function addLogs(entries: readonly ReminderLogEntry[]): Promise<void> {
  for (const part of chunk([...entries], 500)) {
    if (part.length > 0) await db.collection(COLLECTIONS.reminderLog).add({ data: part })
  }
}

/** Which of these pieces of sweep work are done already. */
export async function getRuns(ids: readonly string[]): Promise<Set<string>> {
  const found = await getByIds(COLLECTIONS.reminderRuns, ids, { _id: true })
  return new Set(found.map((r) => r._id))
}

/** Records a piece of sweep work as done (a second sweep doing the same is harmless). */
export async function markRun(id: string, at: Date): Promise<void> {
  await inserted(db.collection(COLLECTIONS.reminderRuns).add({ data: { _id: id, at } }))
}
