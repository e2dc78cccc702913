import type { DB } from 'wx-server-sdk'
import type { Person } from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { chunk, fetchAll, getByIds, getById } from './query'

const people = () => db.collection(COLLECTIONS.people)

export async function getPersonByOpenid(openid: string): Promise<Person | null> {
  const res = (await people().where({ openid }).limit(1).get()) as DB.IQueryResult
  return (res.data[0] as Person | undefined) ?? null
}

export async function listPeopleByBranch(branchId: string): Promise<Person[]> {
  return fetchAll<Person>(people().where({ branchId }).orderBy('_id', 'asc'))
}

/** Head counts per branch (or group) in one aggregate, so a list does not grow a query per branch. */
export async function countPeopleBy(field: 'branchId' | 'groupId'): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const res = (await people()
    .aggregate()
    .group({ _id: `$${field}`, n: $.sum(1) })
    .limit(10_000)
    .end()) as DB.IAggregateResult
  return new Map(res.list.map((r: { _id: string; n: number }) => [r._id, r.n]))
}

export const countPeopleByBranch = (): Promise<Map<string, number>> => countPeopleBy('branchId')

export const getPeopleByIds = (ids: readonly string[]): Promise<Person[]> =>
  getByIds<Person>(COLLECTIONS.people, ids)

/** Names by id in one read (only `_id` and `name` leave the database): for owners and assignees on a page. */
export async function getPersonNames(ids: readonly string[]): Promise<Map<string, string>> {
  const found = await getByIds<Pick<Person, '_id' | 'name'>>(
    COLLECTIONS.people,
    ids.filter((id) => id !== ''),
    { _id: true, name: true },
  )
  return new Map(found.map((p) => [p._id, p.name]))
}

export const getPerson = (id: string): Promise<Person | null> => getById<Person>(COLLECTIONS.people, id)

/** The people a roster could mean: those with one of these phone numbers or employee numbers. */
export async function findPeopleByPhoneOrEmployeeNo(
  phones: readonly string[],
  employeeNos: readonly string[],
): Promise<Person[]> {
  // Every chunk of both fields at once: one round trip for a roster of any size up to the import's limit.
  const reads = (
    [
      ['phone', phones],
      ['employeeNo', employeeNos],
    ] as const
  ).flatMap(([field, values]) =>
    chunk([...new Set(values.filter((v) => v !== ''))]).map((part) =>
      fetchAll<Person>(people().where({ [field]: _.in(part) })),
    ),
  )
  const found = new Map<string, Person>()
  for (const list of await Promise.all(reads)) for (const p of list) found.set(p._id, p)
  return [...found.values()]
}
