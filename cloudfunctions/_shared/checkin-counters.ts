import { APPLIED_KEPT, countersOf } from '../../domain/checkin-counts'
import type { Checkin } from '../../types/entities'
import { COLLECTIONS, db, _ } from './cloud'

type Counted = Pick<
  Checkin,
  '_id' | 'seq' | 'branchId' | 'projectId' | 'taskId' | 'milestoneId' | 'personId' | 'day'
>

interface Updated {
  stats?: { updated?: number }
}

const counters = () => db.collection(COLLECTIONS.checkinCounts)

/**
 * One counter, plus one for this check-in, exactly once: the counter remembers the last APPLIED_KEPT check-in
 * numbers (seq) of each member it counted, and the increment is conditional on this one not being among them.
 * A single-document atomic update, outside any transaction: fifty members at once never conflict, and running
 * it again after a crash adds nothing twice.
 */
function addOnce(id: string, c: Counted): Promise<Updated> {
  const mark = `applied.${c.personId}`
  return counters()
    .where({ _id: id, [mark]: _.neq(c.seq) })
    .update({
      data: { count: _.inc(1), [mark]: _.push({ each: [c.seq], slice: -APPLIED_KEPT }) },
    }) as Promise<Updated>
}

/** Adds a recorded check-in to every counter it belongs to: one round trip, two when a counter is new. */
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
          data: { _id: r._id, ...r.fields, scope: r.scope, count: 1, applied: { [c.personId]: [c.seq] } },
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
 * Takes a recorded check-in into the shared counters (project, task, milestone, branch, week, member-month),
 * then marks it counted. Safe to repeat at any point: a run that stops half-way is finished by the next
 * attempt of the same request or by the roll-up (countPending), and nothing is counted twice.
 */
export async function takeIntoCounters(c: Counted): Promise<void> {
  await addToCounters(c)
  await db
    .collection(COLLECTIONS.checkins)
    .doc(c._id)
    .update({ data: { counted: true } })
}

/**
 * Check-ins recorded but not yet marked counted (their run stopped in between): the roll-up finishes them.
 * At most `limit` per call, so a sweep's cost stays bounded.
 */
export async function countPending(limit = 200): Promise<number> {
  const res = (await db
    .collection(COLLECTIONS.checkins)
    .where({ counted: false })
    .limit(limit)
    .get()) as unknown as { data: Checkin[] }
  await Promise.all(res.data.map((c) => takeIntoCounters(c)))
  return res.data.length
}
