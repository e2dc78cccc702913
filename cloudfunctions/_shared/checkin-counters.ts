import type { DB } from 'wx-server-sdk'
import { APPLIED_KEPT, countersOf, recountCheckins } from '../../domain/checkin-counts'
import { EMPTY_STATS, addCheckin } from '../../domain/checkins'
import type { Checkin, CheckinStatsDoc } from '../../types/entities'
import { COLLECTIONS, db, _ } from './cloud'
import { listFigureSources } from './repositories/checkins'
import type { FigureSource } from './repositories/checkins'
import { TransactionBusy } from './transaction'

type Counted = Pick<
  Checkin,
  '_id' | 'seq' | 'branchId' | 'projectId' | 'taskId' | 'milestoneId' | 'personId' | 'day'
>

interface Updated {
  stats?: { updated?: number }
}

/** A member's figures as stored, with the ids of the latest check-ins they hold. */
export type StoredStats = CheckinStatsDoc & { recent?: (string | number)[] }

const counters = () => db.collection(COLLECTIONS.checkinCounts)
const statsOf = () => db.collection(COLLECTIONS.checkinStats)

/**
 * One counter, plus one for this check-in, exactly once: the counter remembers the ids of the last APPLIED_KEPT
 * check-ins of each member it counted, and the increment is conditional on this one not being among them.
 * A single-document atomic update, outside any transaction: fifty members at once never conflict, and running
 * it again after a crash adds nothing twice.
 */
function addOnce(id: string, c: Counted): Promise<Updated> {
  const mark = `applied.${c.personId}`
  return counters()
    .where({ _id: id, [mark]: _.neq(c._id) })
    .update({
      data: {
        count: _.inc(1),
        [mark]: _.push({ each: [c._id], slice: -APPLIED_KEPT }),
        // The dashboard roll-up reads only what changed since its last run.
        updatedAt: new Date(),
      },
    }) as Promise<Updated>
}

/** Adds a recorded check-in to every counter it belongs to: one round trip, two more when a counter is new. */
async function addToCounters(c: Counted): Promise<void> {
  const refs = countersOf(c)
  const first = await Promise.all(refs.map((r) => addOnce(r._id, c)))
  const unsure = refs.filter((_r, i) => !first[i].stats?.updated)
  if (unsure.length === 0) return
  // Not updated: the counter does not exist yet, or it already holds this check-in (a repeat). Creating it
  // settles the first case; if that fails, it exists, and the conditional increment decides.
  const created = await Promise.all(
    unsure.map((r) =>
      Promise.resolve(
        counters().add({
          data: {
            _id: r._id,
            ...r.fields,
            scope: r.scope,
            count: 1,
            applied: { [c.personId]: [c._id] },
            updatedAt: new Date(),
          },
        }),
      ).then(
        () => true,
        () => false,
      ),
    ),
  )
  await Promise.all(unsure.filter((_r, i) => !created[i]).map((r) => addOnce(r._id, c)))
}

/**
 * Adds a check-in to its member's figures (total, streak, longest streak) exactly once, with no transaction: the
 * update holds only over the figures it was computed from (their `total`), and the figures remember the ids of
 * their latest check-ins. Figures changed meanwhile (the same member's other check-in, or a repeat of this one)
 * are read again: holding this check-in already, nothing is added. Answers the check-in's number (`seq`) and the
 * figures with it. `before` is what the caller read (undefined: read here).
 */
export async function addToFigures(
  c: Pick<Counted, '_id' | 'personId' | 'day'>,
  before?: StoredStats | null,
): Promise<{ seq: number; stats: StoredStats }> {
  let current = before === undefined ? await readStats(c.personId) : before
  for (let attempt = 0; attempt < 8; attempt++) {
    if (current?.recent?.includes(c._id)) {
      return { seq: current.total - [...current.recent].reverse().indexOf(c._id), stats: current }
    }
    const { total, streak, longestStreak, lastDay } = current ?? EMPTY_STATS
    const next = addCheckin({ total, streak, longestStreak, lastDay }, c.day)
    const recent = [...(current?.recent ?? []), c._id].slice(-APPLIED_KEPT)
    const withdrawn = current?.withdrawn ? { withdrawn: current.withdrawn } : {}
    const stats: StoredStats = { _id: c.personId, ...next, recent, ...withdrawn }
    const done = current
      ? ((
          (await statsOf()
            .where({ _id: c.personId, total: current.total })
            .update({ data: { ...next, recent: _.set(recent) } })) as Updated
        ).stats?.updated ?? 0) > 0
      : await Promise.resolve(statsOf().add({ data: stats })).then(
          () => true,
          () => false,
        )
    if (done) return { seq: next.total, stats }
    current = await readStats(c.personId)
  }
  throw new TransactionBusy()
}

const readStats = async (personId: string): Promise<StoredStats | null> => {
  const res = (await statsOf().where({ _id: personId }).limit(1).get()) as DB.IQueryResult
  return (res.data[0] as StoredStats | undefined) ?? null
}

/**
 * Takes a recorded check-in into its member's figures and the shared counters (project, task, milestone,
 * branch, week, member-month), issued together, then marks it counted with its number. Safe to repeat at any
 * point: a run that stops half-way is finished by the next attempt of the same request or by the roll-up
 * (countPending), and nothing is counted twice.
 */
export async function takeIntoCounters(
  c: Counted,
  before?: StoredStats | null,
): Promise<{ seq: number; stats: StoredStats }> {
  const figures = await countCheckin(c, before)
  await markCounted(c._id, figures.seq)
  return figures
}

/** The figures and the counters of a check-in, issued together (one round trip when nothing contends). */
export async function countCheckin(
  c: Counted,
  before?: StoredStats | null,
): Promise<{ seq: number; stats: StoredStats }> {
  const [figures] = await Promise.all([addToFigures(c, before), addToCounters(c)])
  return figures
}

/** The check-in is in every figure and counter, as number `seq` of its member's. */
export async function markCounted(id: string, seq: number): Promise<void> {
  await db
    .collection(COLLECTIONS.checkins)
    .doc(id)
    .update({ data: { counted: true, seq } })
}

/**
 * Check-ins whose run stopped in between: recorded but not yet marked counted, or marked withdrawn but not yet
 * out of the counters. The roll-up finishes them, counting first (a member's figures are recounted only over
 * counted check-ins). At most `limit` of each per call, so a sweep's cost stays bounded. Answers how many.
 */
export async function countPending(limit = 200): Promise<number> {
  const pendingWhere = (where: Record<string, unknown>) =>
    db.collection(COLLECTIONS.checkins).where(where).limit(limit).get() as unknown as Promise<{
      data: Checkin[]
    }>
  const [uncounted, withdrawn] = await Promise.all([
    pendingWhere({ counted: false }),
    pendingWhere({ withdrawnCounted: false }),
  ])
  // One member's pending check-ins in turn (their figures are one document), in the order they were recorded
  // (a record not yet counted has no number yet), members side by side.
  const byPerson = new Map<string, Checkin[]>()
  for (const c of uncounted.data) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c])
  const recorded = (c: Checkin) => new Date(c.createdAt).getTime()
  await Promise.all(
    [...byPerson.values()].map(async (list) => {
      for (const c of list.sort((a, b) => recorded(a) - recorded(b))) await takeIntoCounters(c)
    }),
  )
  const withdrawing = new Map<string, Checkin[]>()
  for (const c of withdrawn.data) withdrawing.set(c.personId, [...(withdrawing.get(c.personId) ?? []), c])
  await Promise.all(
    [...withdrawing.values()].map(async (list) => {
      for (const c of list) await finishWithdrawal(c)
    }),
  )
  return uncounted.data.length + withdrawn.data.length
}

/**
 * One counter, less this withdrawn check-in, exactly once: the counter remembers the ids of the last
 * APPLIED_KEPT check-ins of each member it took out. `updatedAt` is what the dashboard roll-up reads to redo the
 * branch. A counter brought to 0 stays, at 0 (the same as none to every reader).
 */
function removeOnce(id: string, c: Pick<Counted, '_id' | 'personId'>): Promise<Updated> {
  const mark = `removed.${c.personId}`
  return counters()
    .where({ _id: id, [mark]: _.neq(c._id) })
    .update({
      data: {
        count: _.inc(-1),
        [mark]: _.push({ each: [c._id], slice: -APPLIED_KEPT }),
        updatedAt: new Date(),
      },
    }) as Promise<Updated>
}

/** Takes a withdrawn check-in out of every counter it was added to: one round trip, safe to repeat. */
async function takeOutOfCounters(c: Counted): Promise<void> {
  await Promise.all(countersOf(c).map((r) => removeOnce(r._id, c)))
}

/**
 * Takes a check-in already marked withdrawn out of its member's figures and every counter, issued together, then
 * marks it out of them. Safe to repeat at any point: a run that stops half-way is finished by withdrawing again
 * or by the roll-up (countPending). `first` is what the caller read already (figures and check-ins).
 */
export async function finishWithdrawal(
  c: Counted,
  first?: { stats: StoredStats | null; sources: FigureSource[] },
): Promise<StoredStats> {
  const [figures] = await Promise.all([
    refigure(c.personId, c._id, () => listFigureSources(c.personId), first),
    takeOutOfCounters(c),
  ])
  await db
    .collection(COLLECTIONS.checkins)
    .doc(c._id)
    .update({ data: { withdrawnCounted: true } })
  return figures
}

/**
 * A member's figures recounted from their check-ins, `withdrawn` counted as withdrawn: numbered but in no
 * streak or day. Written only over the figures read (their `total`), so a check-in recorded meanwhile makes it
 * read again; answers the figures written. `read` lists the member's check-ins (listFigureSources).
 */
export async function refigure(
  personId: string,
  withdrawn: string,
  read: () => Promise<FigureSource[]>,
  first?: { stats: StoredStats | null; sources: FigureSource[] },
): Promise<StoredStats> {
  let current = first ?? { stats: await readStats(personId), sources: await read() }
  for (let attempt = 0; attempt < 8; attempt++) {
    const stored = current.stats
    const numbered = stored?.total ?? 0
    const sources = current.sources
    // Every check-in the figures hold must be read and counted, or the recount would miss one.
    const complete =
      sources.filter((s) => s.counted !== false && s.seq <= numbered).length === numbered &&
      sources.every((s) => s.counted !== false)
    if (complete) {
      const tally = recountCheckins(
        sources.map((s) => ({
          personId,
          seq: s.seq,
          day: s.day,
          branchId: '',
          projectId: '',
          taskId: '',
          milestoneId: null,
          withdrawnAt: s._id === withdrawn ? new Date() : (s.withdrawnAt ?? null),
        })),
      ).stats[0]
      const { total, streak, longestStreak, lastDay, withdrawn: out } = tally ?? EMPTY_STATS
      const data = { total, streak, longestStreak, lastDay, withdrawn: out ?? 0 }
      const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => stored?.[k] === data[k])
      // Already so (a withdrawal repeated after a stop): nothing to write.
      if (stored && same) return stored
      const res = stored
        ? ((await statsOf().where({ _id: personId, total: stored.total }).update({ data })) as Updated)
        : null
      if (stored && res?.stats?.updated) return { ...stored, ...data }
    }
    const [stats, again] = await Promise.all([readStats(personId), read()])
    current = { stats, sources: again }
  }
  throw new TransactionBusy()
}
