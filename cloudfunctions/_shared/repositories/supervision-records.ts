import type { DB } from 'wx-server-sdk'
import type { RecordScope } from '../../../domain/supervision-records'
import type { SupervisionBranchStatus, SupervisionRecord } from '../../../types/entities-supervision'
import { COLLECTIONS, db, _ } from '../cloud'
import { fetchAll, getMapByIds, getById, readCountedPage } from './query'

const records = () => db.collection(COLLECTIONS.supervisionRecords)

export const getRecord = (id: string): Promise<SupervisionRecord | null> =>
  getById<SupervisionRecord>(COLLECTIONS.supervisionRecords, id)

const scopeWhere = (scope: RecordScope) =>
  scope.all ? {} : { branchId: scope.branchIds.length === 1 ? scope.branchIds[0] : _.in(scope.branchIds) }

/** A page of records, newest contact first (then newest entered), with how many there are. */
export async function listRecords(
  scope: RecordScope,
  page: number,
  pageSize: number,
): Promise<{ items: SupervisionRecord[]; total: number }> {
  return readCountedPage<SupervisionRecord>(
    records().where(scopeWhere(scope)),
    ['date', 'createdAt'],
    page,
    pageSize,
  )
}

/** The supervision status of these branches, by branch id (a branch never contacted has none). */
export async function getBranchStatuses(
  branchIds: readonly string[],
): Promise<Map<string, SupervisionBranchStatus>> {
  return getMapByIds<SupervisionBranchStatus>(COLLECTIONS.supervisionBranchStatus, branchIds)
}

/** Whether this committee member supervises this branch now (their assignment is active). */
export async function supervises(personId: string, branchId: string): Promise<boolean> {
  const res = (await db
    .collection(COLLECTIONS.supervisionAssignments)
    .doc(`${personId}:${branchId}`)
    .get()) as DB.IQuerySingleResult
  const a = res.data as { active?: boolean } | null
  return a?.active === true
}

/**
 * A branch's 督导记录 of one year (China days, on the branchId + date index), oldest first; `fields` keeps only
 * what the reader needs. Paged by offset: a branch has a few hundred a year at most.
 */
export async function listBranchYearRecords<T extends Partial<SupervisionRecord>>(
  branchId: string,
  year: number,
  fields: Record<string, true> | null = null,
): Promise<T[]> {
  let query = records().where({
    branchId,
    date: _.gte(new Date(Date.UTC(year, 0, 1))).and(_.lt(new Date(Date.UTC(year + 1, 0, 1)))),
  })
  if (fields) query = query.field(fields)
  return fetchAll<T>(query.orderBy('date', 'asc').orderBy('createdAt', 'asc'))
}
