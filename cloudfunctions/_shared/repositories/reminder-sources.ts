import type { DB } from 'wx-server-sdk'
import type { Leaders } from '../../../domain/reminders'
import type { AcceptanceRequest, Milestone, Person, Project } from '../../../types/entities'
import type { Lecture, LectureListing, LectureStudy } from '../../../types/entities-community'
import type { Rectification, SupervisionAssignment } from '../../../types/entities-supervision'
import { COLLECTIONS, db, _ } from '../cloud'
import { PROJECT_HEAD_FIELDS } from './projects'
import { MAX_PAGE, chunk, getByIds } from './query'

// What the reminders sweep reads. Every read is a range or equality on an index (or by _id), at most 1,000
// documents a call, paged by _id: never an offset that grows with the data.

type Where = Record<string, unknown>

/** Every document `where` matches, 1,000 a call, in `_id` order (each page starts past the last one). */
async function pagesById<T extends { _id: string }>(
  collection: string,
  where: Where[],
  field: Record<string, true> | null,
  onPage: (docs: T[]) => Promise<void> | void,
): Promise<void> {
  let last: string | null = null
  for (;;) {
    const parts: Where[] = last === null ? where : [...where, { _id: _.gt(last) }]
    let query = db
      .collection(collection)
      .where(parts.length === 0 ? {} : parts.length === 1 ? parts[0] : _.and(parts))
    if (field) query = query.field(field)
    const res = (await query.orderBy('_id', 'asc').limit(MAX_PAGE).get()) as DB.IQueryResult
    const docs = res.data as T[]
    if (docs.length > 0) await onPage(docs)
    if (docs.length < MAX_PAGE) return
    last = docs[docs.length - 1]._id
  }
}

async function all<T extends { _id: string }>(
  collection: string,
  where: Where[],
  field: Record<string, true> | null = null,
): Promise<T[]> {
  const out: T[] = []
  await pagesById<T>(collection, where, field, (docs) => {
    out.push(...docs)
  })
  return out
}

export type MilestoneRow = Pick<
  Milestone,
  | '_id'
  | 'title'
  | 'projectId'
  | 'branchId'
  | 'ownerId'
  | 'status'
  | 'deadline'
  | 'round'
  | 'submittedBy'
  | 'submittedAt'
>

const MILESTONE_FIELDS = {
  _id: true,
  title: true,
  projectId: true,
  branchId: true,
  ownerId: true,
  status: true,
  deadline: true,
  round: true,
  submittedBy: true,
  submittedAt: true,
} as const

/** Milestones still to be submitted (open or returned) whose deadline falls in [from, to): (status, deadline). */
export const listOpenMilestonesByDeadline = (from: Date, to: Date) =>
  all<MilestoneRow>(
    COLLECTIONS.milestones,
    [{ status: _.in(['open', 'returned']) }, { deadline: _.gte(from) }, { deadline: _.lt(to) }],
    MILESTONE_FIELDS,
  )

/** Submissions waiting for approval, submitted in [from, to): (status, submittedAt). */
export const listWaitingSubmissions = (from: Date, to: Date) =>
  all<MilestoneRow>(
    COLLECTIONS.milestones,
    [{ status: 'submitted' }, { submittedAt: _.gte(from) }, { submittedAt: _.lt(to) }],
    MILESTONE_FIELDS,
  )

const PROJECT_FIELDS = {
  ...PROJECT_HEAD_FIELDS,
  progress: true,
  submittedBy: true,
  updatedAt: true,
  'acceptance.requestedAt': true,
} as const

export type ProjectRow = Pick<Project, Exclude<keyof typeof PROJECT_FIELDS, 'acceptance.requestedAt'>> & {
  acceptance?: Pick<AcceptanceRequest, 'requestedAt'> | null
}

/** Proposals and acceptance requests that started waiting in [from, to): (status, updatedAt). */
export const listWaitingReviews = (from: Date, to: Date) =>
  all<ProjectRow>(
    COLLECTIONS.projects,
    [
      { status: _.in(['submitted', 'acceptance_requested']) },
      { updatedAt: _.gte(from) },
      { updatedAt: _.lt(to) },
    ],
    PROJECT_FIELDS,
  )

export const getProjectRows = (ids: readonly string[]) =>
  getByIds<ProjectRow>(COLLECTIONS.projects, ids, PROJECT_FIELDS)

/** Every project being implemented (the weekly digest): on (status, updatedAt). */
export const listRunningProjects = () =>
  all<ProjectRow>(COLLECTIONS.projects, [{ status: 'in_progress' }], PROJECT_FIELDS)

/** Projects waiting for the committee, by status (the weekly digest). */
export async function countReviews(): Promise<{ proposals: number; acceptance: number }> {
  const count = async (status: string) =>
    ((await db.collection(COLLECTIONS.projects).where({ status }).count()) as DB.ICountResult).total
  const [proposals, acceptance] = await Promise.all([count('submitted'), count('acceptance_requested')])
  return { proposals, acceptance }
}

/**
 * Open milestones past their deadline, counted per project in one aggregate on (status, deadline); results
 * are paged by project id, 1,000 projects a call.
 */
export async function countOverdueByProject(today: Date): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const out = new Map<string, number>()
  let last = ''
  for (;;) {
    const res = (await db
      .collection(COLLECTIONS.milestones)
      .aggregate()
      .match(_.and([{ status: _.in(['open', 'returned']) }, { deadline: _.lt(today) }]))
      .group({ _id: '$projectId', n: $.sum(1) })
      .match({ _id: _.gt(last) })
      .sort({ _id: 1 })
      .limit(MAX_PAGE)
      .end()) as DB.IAggregateResult
    const rows = res.list as { _id: string; n: number }[]
    for (const r of rows) out.set(r._id, r.n)
    if (rows.length < MAX_PAGE) return out
    last = rows[rows.length - 1]._id
  }
}

export type ListingRow = Pick<LectureListing, '_id' | 'lectureId' | 'key' | 'deadline'>
const LISTING_FIELDS = { _id: true, lectureId: true, key: true, deadline: true } as const

/** Required, published lecture listings whose deadline falls in [from, to): (status, required, deadline). */
export const listRequiredListings = (from: Date, to: Date) =>
  all<ListingRow>(
    COLLECTIONS.lectureListings,
    [{ status: 'published', required: true }, { deadline: _.gte(from) }, { deadline: _.lt(to) }],
    LISTING_FIELDS,
  )

/** Listings published in [from, to): (status, publishedAt). */
export const listNewListings = (from: Date, to: Date) =>
  all<ListingRow>(
    COLLECTIONS.lectureListings,
    [{ status: 'published' }, { publishedAt: _.gte(from) }, { publishedAt: _.lt(to) }],
    LISTING_FIELDS,
  )

export type LectureRow = Pick<Lecture, '_id' | 'title' | 'status' | 'publisherName' | 'authorId'>

export const getLectureRows = (ids: readonly string[]) =>
  getByIds<LectureRow>(COLLECTIONS.lectures, ids, {
    _id: true,
    title: true,
    status: true,
    publisherName: true,
    authorId: true,
  })

/** The members who completed a lecture: (lectureId, completed), paged by _id. */
export async function listCompletedLearners(lectureId: string): Promise<Set<string>> {
  const out = new Set<string>()
  await pagesById<Pick<LectureStudy, '_id' | 'personId'>>(
    COLLECTIONS.lectureStudies,
    [{ lectureId, completed: true }],
    { _id: true, personId: true },
    (docs) => docs.forEach((s) => out.add(s.personId)),
  )
  return out
}

/** The people of a lecture audience, a page at a time: everyone (`branchIds` null), or these branches. */
export const forEachAudiencePage = (
  branchIds: readonly string[] | null,
  onPage: (ids: string[]) => Promise<void> | void,
) =>
  pagesById<Pick<Person, '_id'>>(
    COLLECTIONS.people,
    branchIds === null ? [] : [{ branchId: branchIds.length === 1 ? branchIds[0] : _.in([...branchIds]) }],
    { _id: true },
    (docs) => onPage(docs.map((p) => p._id)),
  )

/**
 * The branch secretaries and the committee. Role grants are an array, which the database cannot index, so
 * this scans people; a sweep reads it once, and only when something is due for a leader.
 */
export async function loadLeaders(): Promise<Leaders> {
  const leaders: Leaders = { secretaries: {}, committee: [] }
  await pagesById<Pick<Person, '_id' | 'grants'>>(
    COLLECTIONS.people,
    [{ 'grants.role': _.in(['secretary', 'committee']) }],
    { _id: true, grants: true },
    (docs) => {
      for (const p of docs) {
        for (const g of p.grants) {
          if (g.role === 'committee') leaders.committee.push(p._id)
          if (g.role === 'secretary') (leaders.secretaries[g.branchId] ??= []).push(p._id)
        }
      }
    },
  )
  leaders.committee = [...new Set(leaders.committee)]
  return leaders
}

/** People's names and openids (a push needs the openid), by id. */
export const getPeopleBrief = (ids: readonly string[]) =>
  getByIds<Pick<Person, '_id' | 'name' | 'openid'>>(COLLECTIONS.people, ids, {
    _id: true,
    name: true,
    openid: true,
  })

/** Branch names by id. */
export async function getBranchNames(ids: readonly string[]): Promise<Map<string, string>> {
  const units = await getByIds<{ _id: string; name: string }>(COLLECTIONS.orgUnits, ids, {
    _id: true,
    name: true,
  })
  return new Map(units.map((u) => [u._id, u.name]))
}

/** Open rectifications whose deadline falls in [from, to): (status, deadline). */
export const listOpenRectificationsByDeadline = (from: Date, to: Date) =>
  all<Rectification>(COLLECTIONS.rectifications, [
    { status: 'open' },
    { deadline: _.gte(from) },
    { deadline: _.lt(to) },
  ])

/** The committee members supervising these branches (分片督导), by branch: (branchId, active). */
export async function loadSupervisors(branchIds: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const part of chunk([...new Set(branchIds)])) {
    if (part.length === 0) continue
    const rows = await all<SupervisionAssignment>(
      COLLECTIONS.supervisionAssignments,
      [{ branchId: part.length === 1 ? part[0] : _.in(part) }, { active: true }],
      { _id: true, branchId: true, personId: true },
    )
    for (const a of rows) (out[a.branchId] ??= []).push(a.personId)
  }
  return out
}

export type PlannedAssignment = Pick<SupervisionAssignment, '_id' | 'branchId' | 'personId' | 'inspection'>

/** Active assignments with a 定期检查 cadence for `fromYear` or later ((active); a few per supervisor). */
export const listPlannedAssignments = (fromYear: number) =>
  all<PlannedAssignment>(
    COLLECTIONS.supervisionAssignments,
    [{ active: true }, { 'inspection.year': _.gte(fromYear) }],
    { _id: true, branchId: true, personId: true, inspection: true },
  )
