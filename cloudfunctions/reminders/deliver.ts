import { isKindOn, pushDecision } from '../../domain/reminder-delivery'
import type { PlannedReminder } from '../../domain/reminder-delivery'
import { templateData } from '../../domain/subscribe-message'
import type { Message, PushState, ReminderLogEntry } from '../../types/entities'
import { cloud } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { logEvent } from '../_shared/log'
import type { ReminderConfig } from '../_shared/reminder-config'
import {
  addLogs,
  claimDeferred,
  clearCredits,
  creditId,
  existingMessageIds,
  getCreditCounts,
  getSettingsOf,
  insertMessages,
  listDeferred,
  messageId,
  refundCredit,
  toMessage,
  setPushState,
  spendCredit,
} from '../_shared/repositories/messages'
import { getPeopleBrief } from '../_shared/repositories/reminder-sources'
import { chunk } from '../_shared/repositories/query'

/** What one sweep did, for its log line and the timer's result. */
export interface SweepSummary {
  sweepId: string
  /** Reminders the planner found due (before de-duplication and settings). */
  planned: number
  /** Already in someone's message centre: written by an earlier (or a concurrent) sweep. */
  existing: number
  /** Turned off by the person. */
  off: number
  /** New messages this sweep wrote. */
  written: number
  sent: number
  failed: number
  deferred: number
  noCredit: number
  noTemplate: number
  /** Stopped at maxPerSweep or out of time: the next sweep writes the rest. */
  truncated: boolean
  /** Stopped by its time budget: what is left waits for the next sweep. */
  outOfTime: boolean
}

export interface Sweep {
  now: Date
  sweepId: string
  quiet: boolean
  config: ReminderConfig
  summary: SweepSummary
  /** When it must stop starting work (ms since the epoch, the real clock). */
  deadline: number
  /** Pushes tried this sweep: the first always goes, so every sweep moves forward. */
  tried: number
}

export function startSweep(now: Date, quiet: boolean, config: ReminderConfig, deadline: number): Sweep {
  const sweepId = newId('sw')
  return {
    now,
    sweepId,
    quiet,
    config,
    deadline,
    tried: 0,
    summary: {
      sweepId,
      planned: 0,
      existing: 0,
      off: 0,
      written: 0,
      sent: 0,
      failed: 0,
      deferred: 0,
      noCredit: 0,
      noTemplate: 0,
      truncated: false,
      outOfTime: false,
    },
  }
}

/** After this many WeChat errors in a row (not 43101) a sweep stops calling; the rest wait for the next. */
const BREAKER = 5
/** Past its deadline a sweep starts nothing new, once it has done something (so each run makes progress). */
function outOfTime(sweep: Sweep, started: boolean): boolean {
  if (!started || Date.now() <= sweep.deadline) return false
  sweep.summary.truncated = true
  sweep.summary.outOfTime = true
  return true
}

/** Sends in flight at once: WeChat answers in ~100 ms, and a sweep must finish within its timeout. */
const PARALLEL = 8

const errCodeOf = (err: unknown): string => {
  const code = (err as { errCode?: unknown } | null)?.errCode
  return typeof code === 'number' || typeof code === 'string' ? String(code) : 'unknown'
}

/**
 * Writes the due reminders into the message centre, once each, and sends the subscribe messages of those it
 * wrote. Already written (by an earlier or concurrent sweep) and turned-off ones are left out; a message is
 * written with the fate of its push decided (`no_template`, `deferred`, `no_credit`) or claimed for sending.
 */
export async function deliver(sweep: Sweep, planned: readonly PlannedReminder[]): Promise<void> {
  const s = sweep.summary
  for (const part of chunk([...new Map(planned.map((p) => [p.key, p])).values()])) {
    if (s.truncated || part.length === 0 || outOfTime(sweep, s.planned > 0)) return
    s.planned += part.length
    const existing = await existingMessageIds(part.map((p) => messageId(p.key)))
    const fresh = part.filter((p) => !existing.has(messageId(p.key)))
    s.existing += part.length - fresh.length
    if (fresh.length === 0) continue
    const settings = await getSettingsOf(fresh.map((p) => p.personId))
    let wanted = fresh.filter((p) => isKindOn(settings.get(p.personId), p.kind))
    s.off += fresh.length - wanted.length
    const room = sweep.config.maxPerSweep - s.written
    if (wanted.length > room) {
      wanted = wanted.slice(0, room)
      s.truncated = true
    }
    const templateOf = (p: PlannedReminder) => sweep.config.kinds[p.kind].templateId
    const credits = sweep.quiet
      ? new Map<string, number>()
      : await getCreditCounts(
          wanted.flatMap((p) => {
            const t = templateOf(p)
            return t ? [creditId(p.personId, t)] : []
          }),
        )
    const docs = wanted.map((p): Message => {
      const templateId = templateOf(p)
      const held = templateId ? (credits.get(creditId(p.personId, templateId)) ?? 0) : 0
      return toMessage(p, templateId, pushDecision(templateId, sweep.quiet, held), sweep.now, sweep.sweepId)
    })
    const owned = await insertMessages(docs, sweep.sweepId)
    const mine = docs.filter((m) => owned.has(m._id))
    s.written += mine.length
    s.existing += docs.length - mine.length
    const count = (state: PushState) => mine.filter((m) => m.pushState === state).length
    s.deferred += count('deferred')
    s.noCredit += count('no_credit')
    s.noTemplate += count('no_template')
    await push(
      sweep,
      mine.filter((m) => m.pushState === 'sending'),
    )
  }
}

/** Sends the pushes that waited for the end of quiet hours (claimed first, so each goes out once). */
export async function sendDeferred(sweep: Sweep): Promise<void> {
  const waiting = await listDeferred()
  if (waiting.length === 0) return
  const owned = await claimDeferred(
    waiting.map((m) => m._id),
    sweep.sweepId,
  )
  await push(
    sweep,
    waiting.filter((m) => owned.has(m._id)),
  )
}

interface Outcome {
  message: Message
  state: PushState
  reason: string
}

/**
 * Sends claimed messages: one credit taken per send (none left → `no_credit`, no call). 43101 means WeChat
 * holds no credit, so ours is set to none; another error gives the credit back. Every send and failure is
 * recorded on the message and in reminder_log, and never retried for the same message.
 */
async function push(sweep: Sweep, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return
  const { now } = sweep
  const openids = new Map(
    (await getPeopleBrief(messages.map((m) => m.personId))).map((p) => [p._id, p.openid]),
  )
  const outcomes: Outcome[] = []
  let errorsInARow = 0
  const sendOne = async (message: Message): Promise<Outcome> => {
    const templateId = message.templateId as string
    const openid = openids.get(message.personId)
    if (!openid) return { message, state: 'failed', reason: 'no_openid' }
    if (errorsInARow >= BREAKER) return { message, state: 'deferred', reason: 'breaker' }
    // Out of time: it waits, claimed by nobody, for the next sweep's sendDeferred.
    if (outOfTime(sweep, sweep.tried > 0)) return { message, state: 'deferred', reason: 'time' }
    sweep.tried += 1
    if (!(await spendCredit(message.personId, templateId, now)))
      return { message, state: 'no_credit', reason: '' }
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: openid,
        templateId,
        page: message.page.replace(/^\//, ''),
        data: templateData(sweep.config.kinds[message.kind].fields, message.values),
        miniprogramState: sweep.config.miniprogramState,
        lang: 'zh_CN',
      })
      errorsInARow = 0
      return { message, state: 'sent', reason: 'ok' }
    } catch (err) {
      const code = errCodeOf(err)
      if (code === '43101') await clearCredits(message.personId, templateId, now)
      else {
        errorsInARow += 1
        await refundCredit(message.personId, templateId, now)
      }
      return { message, state: 'failed', reason: code }
    }
  }
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, messages.length) }, async () => {
      while (next < messages.length) outcomes.push(await sendOne(messages[next++]))
    }),
  )

  const groups = new Map<string, Outcome[]>()
  for (const o of outcomes) {
    const k = `${o.state}\n${o.state === 'deferred' ? '' : o.reason}`
    groups.set(k, [...(groups.get(k) ?? []), o])
  }
  for (const [k, list] of groups) {
    const [state, reason] = k.split('\n') as [PushState, string]
    await setPushState(
      list.map((o) => o.message._id),
      state,
      reason,
      now,
    )
  }
  const s = sweep.summary
  const logs: ReminderLogEntry[] = []
  for (const { message: m, state, reason } of outcomes) {
    if (state === 'deferred') s.deferred += 1
    if (state === 'no_credit') s.noCredit += 1
    if (state !== 'sent' && state !== 'failed') continue
    s[state === 'sent' ? 'sent' : 'failed'] += 1
    const entry: ReminderLogEntry = {
      _id: newId('rl'),
      messageId: m._id,
      kind: m.kind,
      personId: m.personId,
      itemId: m.itemId,
      templateId: m.templateId ?? '',
      outcome: state,
      reason,
      sweepId: sweep.sweepId,
      at: now,
    }
    logs.push(entry)
    logEvent(state === 'sent' ? 'info' : 'error', state === 'sent' ? 'reminder_sent' : 'reminder_failed', {
      messageId: m._id,
      kind: m.kind,
      personId: m.personId,
      itemId: m.itemId,
      templateId: entry.templateId,
      reason,
    })
  }
  await addLogs(logs)
}
