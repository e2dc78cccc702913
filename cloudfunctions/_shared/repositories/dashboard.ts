import type { DB } from 'wx-server-sdk'
import { rollupId } from '../../../domain/dashboard'
import { totalsId } from '../../../domain/lectures'
import type { RollupInput, RollupMilestone, RollupProject } from '../../../domain/dashboard-rollup'
import type { CheckinCount, Person } from '../../../types/entities'
import type { StudyTotals } from '../../../types/entities-community'
import type {
  DashboardLeague,
  DashboardOverdueRow,
  DashboardPartDoc,
  DashboardPlan,
  DashboardRollup,
  DashboardRun,
} from '../../../types/entities-dashboard'
import { COLLECTIONS, db, _ } from '../cloud'
import { getOrgUnitsByIds } from './org'
import { MAX_PAGE, chunk, getByIds, removeByIds } from './query'

type Where = Record<string, unknown>

/**
 * Every document matching `where`, 1000 at a time in `_id` order, each page starting after the last `_id`
 * (no skip, which would re-read what it skips), with only the fields named. `where` must not constrain `_id`.
 */
async function readAll<T extends { _id: string }>(
  collection: string,
  where: Where,
  fields: Record<string, true>,
): Promise<T[]> {
  const out: T[] = []
  let after: string | null = null
  for (;;) {
    const res = (await db
      .collection(collection)
      .where(after === null ? where : { ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true, ...fields })
      .limit(MAX_PAGE)
      .get()) as DB.IQueryResult
    const page = res.data as T[]
    out.push(...page)
    if (page.length < MAX_PAGE) return out
    after = page[page.length - 1]._id
  }
}

/**
 * readAll once per value of `key`, the values side by side: an equality reads its index range in order, where
 * an `_.in` would sort, and a shard's two dozen weeks cost the round trips of its longest week, not their sum.
 */
async function readEach<T extends { _id: string }>(
  collection: string,
  key: string,
  values: readonly (string | number)[],
  where: Where,
  fields: Record<string, true>,
): Promise<T[]> {
  const lists = await Promise.all(
    values.map((value) => readAll<T>(collection, { ...where, [key]: value }, fields)),
  )
  return lists.flat()
}

const PROJECT_FIELDS = {
  title: true,
  branchId: true,
  branchName: true,
  year: true,
  category: true,
  status: true,
  rating: true,
  progress: true,
  version: true,
} as const
const MILESTONE_FIELDS = {
  projectId: true,
  title: true,
  weight: true,
  ownerId: true,
  deadline: true,
  status: true,
  decidedAt: true,
} as const

/**
 * What one shard of the roll-up needs, read in pages: its branches' people (and the names of any other owner
 * of their milestones), their projects of the years shown and those projects' milestones, the week and month
 * check-in counters of the windows shown, and study totals. Never a check-in itself.
 */
export async function readShardInput(
  today: string,
  ids: string[],
  years: number[],
  weeks: string[],
  months: string[],
): Promise<RollupInput> {
  const inShard = { branchId: _.in(ids) }
  const [units, people, projects, weekCounts, monthCounts, branchTotals] = await Promise.all([
    getOrgUnitsByIds(ids),
    readAll<Pick<Person, '_id' | 'name' | 'branchId'>>(COLLECTIONS.people, inShard, {
      name: true,
      branchId: true,
    }),
    readEach<RollupProject>(COLLECTIONS.projects, 'year', years, inShard, PROJECT_FIELDS),
    readEach<CheckinCount>(
      COLLECTIONS.checkinCounts,
      'week',
      weeks,
      { scope: 'project_week', ...inShard },
      { projectId: true, week: true, count: true },
    ),
    readEach<CheckinCount>(
      COLLECTIONS.checkinCounts,
      'month',
      months,
      { scope: 'member_month', ...inShard },
      { projectId: true, personId: true, month: true, count: true },
    ),
    readTotals(ids.map((id) => totalsId('branch', id))),
  ])
  // Milestones by project, a hundred projects a query, side by side (a plan holds a few dozen milestones);
  // members' study totals beside them.
  const [milestoneLists, memberTotals] = await Promise.all([
    Promise.all(
      chunk(
        projects.map((p) => p._id),
        100,
      ).map((part) =>
        readAll<RollupMilestone>(COLLECTIONS.milestones, { projectId: _.in(part) }, MILESTONE_FIELDS),
      ),
    ),
    readTotals(people.map((p) => totalsId('member', p._id))),
  ])
  const milestones = milestoneLists.flat()
  // Owners from elsewhere (moved to another branch since) are named too.
  const known = new Set(people.map((p) => p._id))
  const strangers = [...new Set(milestones.map((m) => m.ownerId).filter((id) => !known.has(id)))]
  const others = (
    await Promise.all(
      chunk(strangers).map((part) =>
        readAll<Pick<Person, '_id' | 'name' | 'branchId'>>(
          COLLECTIONS.people,
          { _id: _.in(part) },
          { name: true, branchId: true },
        ),
      ),
    )
  ).flat()
  const study = (scope: 'member' | 'branch', totals: StudyTotals[]) =>
    new Map(
      totals
        .filter((t) => t.scope === scope)
        .map((t) => [t._id.slice(t._id.indexOf(':') + 1), t.studySeconds] as const),
    )
  const branches = ids.flatMap((id) => {
    const u = units.get(id)
    return u && u.kind === 'branch' ? [{ _id: u._id, name: u.name, order: u.order }] : []
  })
  return {
    today,
    branches,
    people: [...people, ...others],
    projects,
    milestones,
    weekCounts: weekCounts.map((c) => ({
      projectId: c.projectId ?? '',
      week: c.week ?? '',
      count: c.count,
    })),
    monthCounts: monthCounts.map((c) => ({
      projectId: c.projectId ?? '',
      personId: c.personId ?? '',
      month: c.month ?? '',
      count: c.count,
    })),
    memberStudy: study('member', memberTotals),
    branchStudy: study('branch', branchTotals),
  }
}

/** Study totals by id, a thousand ids a query, side by side (at most one document per id). */
function readTotals(ids: readonly string[]): Promise<StudyTotals[]> {
  return getByIds<StudyTotals>(COLLECTIONS.studyTotals, ids, { _id: true, scope: true, studySeconds: true })
}

/** Whether a year has any project at all (one indexed read of one document per year, side by side). */
export async function yearsWithAnyProject(years: readonly number[]): Promise<number[]> {
  const found = await Promise.all(
    years.map(
      (year) =>
        db
          .collection(COLLECTIONS.projects)
          .where({ year })
          .field({ _id: true })
          .limit(1)
          .get() as Promise<DB.IQueryResult>,
    ),
  )
  return years.filter((_y, i) => found[i].data.length > 0)
}

/** What is stored of the documents a sync may touch: their digests, by `_id`. */
export type Stored = Map<string, { digest?: string }>

export async function readStored(collection: string, where: Where): Promise<Stored> {
  const docs = await readAll<{ _id: string; digest?: string }>(collection, where, { digest: true })
  return new Map(docs.filter((d) => d.digest).map((d) => [d._id, d]))
}

/** How many single-document writes are in flight at once. */
const WRITES_AT_ONCE = 50
/** Documents in one batch insert (localcloud holds add() to 1,000: see localcloud/db/README.md). */
const ADD_BATCH = 500

/** Runs `work` over `items` with WRITES_AT_ONCE in flight: each lane takes the next item as soon as it is free. */
async function inBatches<T>(items: readonly T[], work: (item: T) => unknown): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, items.length) }, lane))
}

/**
 * Documents no one has stored yet, in batch inserts of ADD_BATCH issued together: one round trip for a
 * shard's first few thousand. A batch that meets a document already there (a run killed after its insert,
 * done again) is written one by one instead, each `set` whole, so a retry changes nothing twice.
 */
async function addFresh(collection: string, docs: readonly { _id: string }[]): Promise<void> {
  await Promise.all(
    chunk(docs, ADD_BATCH).map(async (part) => {
      try {
        await db.collection(collection).add({ data: part })
      } catch {
        await inBatches(part, ({ _id, ...data }) => db.collection(collection).doc(_id).set({ data }))
      }
    }),
  )
}

/**
 * Makes the documents `stored` describes (a shard's, or the company's and the leagues') be exactly `docs`:
 * new ones in batch inserts, those whose digest changed rewritten WRITES_AT_ONCE side by side, those no
 * longer produced removed by id; the three at once (their ids differ). A province's first round writes its
 * 80,000 documents in a round trip a shard, a later one rewrites only what changed.
 */
export async function syncDocuments(
  collection: string,
  docs: readonly (DashboardRollup | DashboardOverdueRow | DashboardLeague)[],
  stored: Stored,
): Promise<{ written: number; removed: number }> {
  const fresh = docs.filter((doc) => !stored.has(doc._id))
  const changed = docs.filter((doc) => {
    const before = stored.get(doc._id)
    return before !== undefined && before.digest !== doc.digest
  })
  const wanted = new Set(docs.map((d) => d._id))
  const gone = [...stored.keys()].filter((id) => !wanted.has(id))
  await Promise.all([
    addFresh(collection, fresh),
    inBatches(changed, ({ _id, ...data }) => db.collection(collection).doc(_id).set({ data })),
    removeByIds(collection, gone),
  ])
  return { written: fresh.length + changed.length, removed: gone.length }
}

/** Progress put right (see progressRepairs), each only over the version it was computed from. */
export async function repairProgress(
  repairs: readonly { id: string; version: number; progress: number }[],
  now: Date,
): Promise<number> {
  let done = 0
  await inBatches(repairs, async (r) => {
    const res = (await db
      .collection(COLLECTIONS.projects)
      .where({ _id: r.id, version: r.version })
      .update({ data: { progress: r.progress, version: r.version + 1, updatedAt: now } })) as {
      stats?: { updated?: number }
    }
    done += res.stats?.updated ?? 0
  })
  return done
}

/**
 * Whether anything the figures are made of changed at or after `since`: one indexed read of one document per
 * source, issued together (one round trip at any scale). Check-ins are seen through their counters, which every
 * counted check-in touches; one recorded but not yet counted is looked for too.
 */
export async function changedSince(since: Date): Promise<string[]> {
  const sources: [string, Where][] = [
    [COLLECTIONS.checkinCounts, { updatedAt: _.gte(since) }],
    [COLLECTIONS.milestones, { updatedAt: _.gte(since) }],
    [COLLECTIONS.projects, { updatedAt: _.gte(since) }],
    [COLLECTIONS.studyTotals, { updatedAt: _.gte(since) }],
    [COLLECTIONS.checkins, { counted: false }],
  ]
  const found = await Promise.all(
    sources.map(
      ([collection, where]) =>
        db
          .collection(collection)
          .where(where)
          .field({ _id: true })
          .limit(1)
          .get() as Promise<DB.IQueryResult>,
    ),
  )
  return sources.flatMap(([collection], i) => (found[i].data.length > 0 ? [collection] : []))
}

/** How many changed documents one source is read for: past it, every shard is done again. */
export const CHANGED_READ_LIMIT = 1000

/**
 * The branches whose figures changed at or after `since` (counters, milestones, projects and branch study
 * totals carry their branch), side by side; null when a source changed more than CHANGED_READ_LIMIT documents,
 * which a full round covers more cheaply.
 */
export async function changedBranches(since: Date): Promise<Set<string> | null> {
  const sources = [COLLECTIONS.checkinCounts, COLLECTIONS.milestones, COLLECTIONS.projects]
  const [lists, totals] = await Promise.all([
    Promise.all(
      sources.map(
        (collection) =>
          db
            .collection(collection)
            .where({ updatedAt: _.gte(since) })
            .field({ _id: true, branchId: true })
            .limit(CHANGED_READ_LIMIT)
            .get() as Promise<DB.IQueryResult>,
      ),
    ),
    db
      .collection(COLLECTIONS.studyTotals)
      .where({ updatedAt: _.gte(since) })
      .field({ _id: true })
      .limit(CHANGED_READ_LIMIT)
      .get() as Promise<DB.IQueryResult>,
  ])
  if ([...lists, totals].some((r) => r.data.length >= CHANGED_READ_LIMIT)) return null
  const out = new Set<string>()
  for (const r of lists)
    for (const d of r.data as { branchId?: string }[]) if (d.branchId) out.add(d.branchId)
  for (const d of totals.data as { _id: string }[]) {
    if (d._id.startsWith('branch:')) out.add(d._id.slice('branch:'.length))
  }
  return out
}

export async function getPlan(): Promise<DashboardPlan | null> {
  const res = (await db
    .collection(COLLECTIONS.dashboardRollups)
    .where({ _id: 'plan' })
    .limit(1)
    .get()) as DB.IQueryResult
  return (res.data[0] as DashboardPlan | undefined) ?? null
}

export async function savePlan(plan: DashboardPlan): Promise<void> {
  const { _id, ...data } = plan
  await db.collection(COLLECTIONS.dashboardRollups).doc(_id).set({ data })
}

export const partId = (shard: number): string => `part:${shard}`

export async function savePart(part: DashboardPartDoc): Promise<void> {
  const { _id, ...data } = part
  await db.collection(COLLECTIONS.dashboardRollups).doc(_id).set({ data })
}

/** Every shard's part, in one read (a province has a few dozen shards). */
export async function getParts(count: number): Promise<DashboardPartDoc[]> {
  const ids = Array.from({ length: count }, (_x, i) => partId(i))
  const res = (await db
    .collection(COLLECTIONS.dashboardRollups)
    .where({ _id: _.in(ids) })
    .limit(Math.max(1, count))
    .get()) as DB.IQueryResult
  return (res.data as DashboardPartDoc[]).sort((a, b) => a.shard - b.shard)
}

/** Parts of shards that no longer exist (the company has fewer shards than before). */
export async function removePartsFrom(count: number, before: number): Promise<void> {
  await removeByIds(
    COLLECTIONS.dashboardRollups,
    Array.from({ length: Math.max(0, before - count) }, (_x, i) => partId(count + i)),
  )
}

/** The merge's freshness written back to every part: the time its figures are known to hold. */
export async function updateParts(updates: readonly { shard: number; at: Date }[]): Promise<void> {
  await inBatches(updates, (u) =>
    db
      .collection(COLLECTIONS.dashboardRollups)
      .doc(partId(u.shard))
      .update({ data: { at: u.at } }),
  )
}

/** The run record alone (getRollups with no documents: the same one read). */
export const getRun = async (): Promise<DashboardRun | null> => (await getRollups([])).run

/** Marks the run record: a refresh asked for, or a run that found nothing new. */
export async function touchRun(
  fields: Partial<Pick<DashboardRun, 'at' | 'refreshedAt' | 'pending' | 'round' | 'parts'>>,
): Promise<void> {
  await db.collection(COLLECTIONS.dashboardRollups).doc('run').update({ data: fields })
}

export async function saveRun(run: DashboardRun): Promise<void> {
  const { _id, ...data } = run
  await db.collection(COLLECTIONS.dashboardRollups).doc(_id).set({ data })
}

/** Roll-up documents by id, the run record, and (given its id) a key's league, in one read. */
export async function getRollups(
  ids: readonly string[],
  leagueDoc?: string,
): Promise<{
  docs: Map<string, DashboardRollup>
  run: DashboardRun | null
  league: DashboardLeague | null
}> {
  const wanted = ['run', ...ids, ...(leagueDoc ? [leagueDoc] : [])]
  const res = (await db
    .collection(COLLECTIONS.dashboardRollups)
    .where({ _id: _.in(wanted) })
    .limit(wanted.length)
    .get()) as DB.IQueryResult
  const docs = new Map<string, DashboardRollup>()
  let run: DashboardRun | null = null
  let league: DashboardLeague | null = null
  for (const d of res.data as (DashboardRollup | DashboardRun | DashboardLeague)[]) {
    if (d._id === 'run') run = d as DashboardRun
    else if (d._id === leagueDoc) league = d as DashboardLeague
    else docs.set(d._id, d as DashboardRollup)
  }
  return { docs, run, league }
}

/** The branch documents of `branchIds` (a page of a league), with what a league row shows, in one read. */
export async function getLeagueRows(
  key: string,
  branchIds: readonly string[],
): Promise<Map<string, Pick<DashboardRollup, 'branchId' | 'branchName' | 'score' | 'parts'>>> {
  const docs = await getByIds<DashboardRollup>(
    COLLECTIONS.dashboardRollups,
    branchIds.map((b) => rollupId(key, b)),
    { branchId: true, branchName: true, score: true, parts: true },
  )
  return new Map(docs.map((d) => [d.branchId ?? '', d]))
}

/** One page of a key's overdue milestones (all, or one branch's), oldest deadline first, and how many in all. */
export async function listOverdue(
  key: string,
  branchId: string | null,
  skip: number,
  limit: number,
): Promise<{ rows: DashboardOverdueRow[]; total: number }> {
  const query = db
    .collection(COLLECTIONS.dashboardOverdue)
    .where(branchId === null ? { key } : { key, branchId })
  const [page, count] = await Promise.all([
    query
      .orderBy('deadline', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(limit)
      .get() as Promise<DB.IQueryResult>,
    query.count() as Promise<DB.ICountResult>,
  ])
  return { rows: page.data as DashboardOverdueRow[], total: count.total }
}
