import type { DB } from 'wx-server-sdk'
import { totalsId } from '../../../domain/lectures'
import type { RollupInput, RollupMilestone, RollupProject } from '../../../domain/dashboard'
import type { CheckinCount, Person } from '../../../types/entities'
import type { StudyTotals } from '../../../types/entities-community'
import type { DashboardOverdueRow, DashboardRollup, DashboardRun } from '../../../types/entities-dashboard'
import { COLLECTIONS, db, _ } from '../cloud'
import { listOrgUnits } from './org'
import { MAX_PAGE, chunk } from './query'

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

/** readAll once per value of `key`: an equality reads its index range in order, where an `_.in` would sort. */
async function readEach<T extends { _id: string }>(
  collection: string,
  key: string,
  values: readonly (string | number)[],
  where: Where,
  fields: Record<string, true>,
): Promise<T[]> {
  const out: T[] = []
  for (const value of values) out.push(...(await readAll<T>(collection, { ...where, [key]: value }, fields)))
  return out
}

const PROJECT_FIELDS = {
  title: true,
  branchId: true,
  branchName: true,
  year: true,
  category: true,
  status: true,
  rating: true,
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
 * What the roll-up needs, read in pages: branches, people (names and branch), the projects of the years shown
 * and their milestones, the week and month check-in counters of the windows shown, and study totals. Never a
 * check-in itself.
 */
export async function readRollupInput(
  today: string,
  years: number[],
  weeks: string[],
  months: string[],
): Promise<RollupInput> {
  const [units, people, projects, weekCounts, monthCounts] = await Promise.all([
    listOrgUnits(),
    readAll<Pick<Person, '_id' | 'name' | 'branchId'>>(
      COLLECTIONS.people,
      {},
      { name: true, branchId: true },
    ),
    readEach<RollupProject>(COLLECTIONS.projects, 'year', years, {}, PROJECT_FIELDS),
    readEach<CheckinCount>(
      COLLECTIONS.checkinCounts,
      'week',
      weeks,
      { scope: 'project_week' },
      { projectId: true, week: true, count: true },
    ),
    readEach<CheckinCount>(
      COLLECTIONS.checkinCounts,
      'month',
      months,
      { scope: 'member_month' },
      { projectId: true, personId: true, month: true, count: true },
    ),
  ])
  const branches = units
    .filter((u) => u.kind === 'branch')
    .map((u) => ({ _id: u._id, name: u.name, order: u.order }))
  // Milestones by project, a hundred projects a query (a plan holds a few dozen milestones).
  const milestones: RollupMilestone[] = []
  for (const ids of chunk(
    projects.map((p) => p._id),
    100,
  )) {
    milestones.push(
      ...(await readAll<RollupMilestone>(COLLECTIONS.milestones, { projectId: _.in(ids) }, MILESTONE_FIELDS)),
    )
  }
  const totalIds = [
    ...people.map((p) => totalsId('member', p._id)),
    ...branches.map((b) => totalsId('branch', b._id)),
  ]
  const memberStudy = new Map<string, number>()
  const branchStudy = new Map<string, number>()
  for (const ids of chunk(totalIds)) {
    // At most one document per id: a single page of `ids.length`.
    const res = (await db
      .collection(COLLECTIONS.studyTotals)
      .where({ _id: _.in(ids) })
      .field({ _id: true, scope: true, studySeconds: true })
      .limit(ids.length)
      .get()) as DB.IQueryResult
    for (const t of res.data as StudyTotals[]) {
      const id = t._id.slice(t._id.indexOf(':') + 1)
      if (t.scope === 'member') memberStudy.set(id, t.studySeconds)
      if (t.scope === 'branch') branchStudy.set(id, t.studySeconds)
    }
  }
  return {
    today,
    branches,
    people,
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
    memberStudy,
    branchStudy,
  }
}

/** The digests of what is stored, by `_id` (the run record has none and is left out). */
async function storedDigests(collection: string): Promise<Map<string, string>> {
  const docs = await readAll<{ _id: string; digest?: string }>(collection, {}, { digest: true })
  return new Map(docs.flatMap((d) => (d.digest ? [[d._id, d.digest] as const] : [])))
}

/**
 * Makes a collection hold exactly `docs`: writes those whose digest changed or that are new, removes those no
 * longer produced. Returns how many were written and removed.
 */
export async function syncDocuments(
  collection: string,
  docs: readonly (DashboardRollup | DashboardOverdueRow)[],
): Promise<{ written: number; removed: number }> {
  const stored = await storedDigests(collection)
  let written = 0
  let removed = 0
  for (const doc of docs) {
    if (stored.get(doc._id) === doc.digest) continue
    const { _id, ...data } = doc
    await db.collection(collection).doc(_id).set({ data })
    written += 1
  }
  const wanted = new Set(docs.map((d) => d._id))
  for (const id of stored.keys()) {
    if (wanted.has(id)) continue
    await db.collection(collection).doc(id).remove()
    removed += 1
  }
  return { written, removed }
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

/** The run record alone (getRollups with no documents: the same one read). */
export const getRun = async (): Promise<DashboardRun | null> => (await getRollups([])).run

/** Marks the run record: a refresh asked for, or a run that found nothing new. */
export async function touchRun(fields: Partial<Pick<DashboardRun, 'at' | 'refreshedAt'>>): Promise<void> {
  await db.collection(COLLECTIONS.dashboardRollups).doc('run').update({ data: fields })
}

export async function saveRun(run: DashboardRun): Promise<void> {
  const { _id, ...data } = run
  await db.collection(COLLECTIONS.dashboardRollups).doc(_id).set({ data })
}

/** Roll-up documents by id and the run record, in one read. */
export async function getRollups(ids: readonly string[]): Promise<{
  docs: Map<string, DashboardRollup>
  run: DashboardRun | null
}> {
  const res = (await db
    .collection(COLLECTIONS.dashboardRollups)
    .where({ _id: _.in(['run', ...ids]) })
    .limit(ids.length + 1)
    .get()) as DB.IQueryResult
  const docs = new Map<string, DashboardRollup>()
  let run: DashboardRun | null = null
  for (const d of res.data as (DashboardRollup | DashboardRun)[]) {
    if (d._id === 'run') run = d as DashboardRun
    else docs.set(d._id, d as DashboardRollup)
  }
  return { docs, run }
}

/** One page of a key's league, best first (in `position` order, the index's own). */
export async function listLeague(key: string, skip: number, limit: number): Promise<DashboardRollup[]> {
  const res = (await db
    .collection(COLLECTIONS.dashboardRollups)
    .where({ key, kind: 'branch' })
    .orderBy('position', 'asc')
    .skip(skip)
    .limit(limit)
    .field({ branchId: true, branchName: true, rank: true, score: true, parts: true })
    .get()) as DB.IQueryResult
  return res.data as DashboardRollup[]
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
