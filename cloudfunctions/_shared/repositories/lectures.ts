import type { DB } from 'wx-server-sdk'
import type { OrgUnit, Person } from '../../../types/entities'
import type { Lecture, LectureListing, LectureStudy, StudyTotals } from '../../../types/entities-community'
import { COLLECTIONS, db, _ } from '../cloud'
import type { PageMark } from './query'
import { MAX_PAGE, getByIds, readPage, getById } from './query'

export const getLecture = (id: string): Promise<Lecture | null> => getById<Lecture>(COLLECTIONS.lectures, id)

export const getLectures = (ids: readonly string[]) => getByIds<Lecture>(COLLECTIONS.lectures, ids)
export const getStudies = (ids: readonly string[]) => getByIds<LectureStudy>(COLLECTIONS.lectureStudies, ids)
export const getTotals = (ids: readonly string[]) => getByIds<StudyTotals>(COLLECTIONS.studyTotals, ids)

/**
 * Published listings for these audience keys (optionally required ones only), newest first. One read per key
 * (a member has the company's and one branch's): each is an equality on the (key, status[, required],
 * publishedAt) index read in order and cut at `limit`, so no read sorts every listing of the company.
 */
export async function listListings(
  keys: readonly string[],
  requiredOnly: boolean,
  before: PageMark | null,
  limit: number,
): Promise<LectureListing[]> {
  const pages = await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const base = { key, status: 'published', ...(requiredOnly ? { required: true } : {}) }
      return readPage<LectureListing>(COLLECTIONS.lectureListings, base, 'publishedAt', before, limit)
    }),
  )
  const newestFirst = (a: LectureListing, b: LectureListing) =>
    new Date(b.publishedAt).getTime() - new Date(a.publishedAt).getTime() ||
    (a._id < b._id ? 1 : a._id > b._id ? -1 : 0)
  return pages.flat().sort(newestFirst).slice(0, limit)
}

/** The member's completed studies, latest completion first. */
export async function listFinished(
  personId: string,
  before: PageMark | null,
  limit: number,
): Promise<LectureStudy[]> {
  return readPage<LectureStudy>(
    COLLECTIONS.lectureStudies,
    { personId, completed: true },
    'completedAt',
    before,
    limit,
  )
}

/** Lectures of these publishing branches (null: every lecture, for the committee), latest edit first. */
export async function listManaged(
  ownerBranchIds: readonly string[] | null,
  before: PageMark | null,
  limit: number,
): Promise<Lecture[]> {
  const scope =
    ownerBranchIds === null
      ? {}
      : { ownerBranchId: ownerBranchIds.length === 1 ? ownerBranchIds[0] : _.in([...ownerBranchIds]) }
  return readPage<Lecture>(COLLECTIONS.lectures, scope, 'updatedAt', before, limit)
}

/** Required listings whose deadline day is before `day` (UTC midnight of a China day): the reminders sweep. */
export async function listRequiredPastDeadline(day: Date, limit = MAX_PAGE): Promise<LectureListing[]> {
  const res = (await db
    .collection(COLLECTIONS.lectureListings)
    .where({ status: 'published', required: true, deadline: _.lt(day) })
    .orderBy('deadline', 'asc')
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as LectureListing[]
}

/** The committee's own name (党委), which its lectures are published under. */
export async function getCommitteeUnit(): Promise<OrgUnit | null> {
  const res = (await db
    .collection(COLLECTIONS.orgUnits)
    .where({ kind: 'committee' })
    .limit(1)
    .get()) as DB.IQueryResult
  return (res.data[0] as OrgUnit | undefined) ?? null
}

/** How many people a lecture's audience holds now: everyone, or the people of its branches. */
export async function countAudience(branchIds: readonly string[] | null): Promise<number> {
  const people = db.collection(COLLECTIONS.people)
  const res =
    branchIds === null
      ? await people.count()
      : await people.where({ branchId: branchIds.length === 1 ? branchIds[0] : _.in([...branchIds]) }).count()
  return (res as DB.ICountResult).total
}

export type PersonName = Pick<Person, '_id' | 'name'>

/** The people of a branch, names only, by id. */
export async function listBranchPeople(branchId: string): Promise<PersonName[]> {
  const res = (await db
    .collection(COLLECTIONS.people)
    .where({ branchId })
    .field({ _id: true, name: true })
    .orderBy('_id', 'asc')
    .limit(MAX_PAGE)
    .get()) as DB.IQueryResult
  return res.data as PersonName[]
}
