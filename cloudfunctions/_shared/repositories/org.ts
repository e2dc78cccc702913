import type { OrgUnit, PartyGroup } from '../../../types/entities'
import { COLLECTIONS, db } from '../cloud'
import { fetchAll, getMapByIds } from './query'

export async function listOrgUnits(): Promise<OrgUnit[]> {
  return fetchAll<OrgUnit>(db.collection(COLLECTIONS.orgUnits).orderBy('order', 'asc'))
}

export async function getOrgUnitsByIds(ids: readonly string[]): Promise<Map<string, OrgUnit>> {
  return getMapByIds<OrgUnit>(COLLECTIONS.orgUnits, ids)
}

export async function getGroupsByIds(ids: readonly string[]): Promise<Map<string, PartyGroup>> {
  return getMapByIds<PartyGroup>(COLLECTIONS.groups, ids)
}

/** Every Party group (a company has a few per branch), for matching a roster's group names. */
export async function listAllGroups(): Promise<PartyGroup[]> {
  return fetchAll<PartyGroup>(db.collection(COLLECTIONS.groups).orderBy('_id', 'asc'))
}
