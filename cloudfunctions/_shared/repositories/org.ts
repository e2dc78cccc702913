import type { DB } from 'wx-server-sdk'
import type { OrgUnit, PartyGroup } from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { chunk, fetchAll } from './query'

export async function listOrgUnits(): Promise<OrgUnit[]> {
  return fetchAll<OrgUnit>(db.collection(COLLECTIONS.orgUnits).orderBy('order', 'asc'))
}

export async function getOrgUnitsByIds(ids: readonly string[]): Promise<Map<string, OrgUnit>> {
  const out = new Map<string, OrgUnit>()
  for (const part of chunk([...new Set(ids)])) {
    const units = await fetchAll<OrgUnit>(db.collection(COLLECTIONS.orgUnits).where({ _id: _.in(part) }))
    for (const u of units) out.set(u._id, u)
  }
  return out
}

export async function getGroupsByIds(ids: readonly string[]): Promise<Map<string, PartyGroup>> {
  const out = new Map<string, PartyGroup>()
  for (const part of chunk([...new Set(ids)])) {
    const res = (await db
      .collection(COLLECTIONS.groups)
      .where({ _id: _.in(part) })
      .limit(part.length)
      .get()) as DB.IQueryResult
    for (const g of res.data as PartyGroup[]) out.set(g._id, g)
  }
  return out
}

/** Every Party group (a company has a few per branch), for matching a roster's group names. */
export async function listAllGroups(): Promise<PartyGroup[]> {
  return fetchAll<PartyGroup>(db.collection(COLLECTIONS.groups).orderBy('_id', 'asc'))
}
