import type { DB } from 'wx-server-sdk'
import { branchCounterId } from '../../domain/checkin-counts'
import type { PlannedReminder } from '../../domain/reminder-delivery'
import { personSearchable, projectSearchable } from '../../domain/search'
import type { OrgEvent, OrgUnit, PartyGroup, Person, Project } from '../../types/entities'
import { COLLECTIONS, db, _ } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { notify } from '../_shared/notify'
import type { KindSettings } from '../_shared/notify'
import { fetchAll } from '../_shared/repositories/query'
import { indexForSearch } from '../_shared/repositories/search'

/** The documents a change of the organisation reads and writes (组织管理): org function only. */
export const coll = (name: keyof typeof COLLECTIONS) => db.collection(COLLECTIONS[name])

/** Every unit, every group, in one round trip. */
export async function readOrg(): Promise<{ units: OrgUnit[]; groups: PartyGroup[] }> {
  const [units, groups] = await Promise.all([
    fetchAll<OrgUnit>(coll('orgUnits').orderBy('order', 'asc')),
    fetchAll<PartyGroup>(coll('groups').orderBy('_id', 'asc')),
  ])
  return { units, groups }
}

/** The people of a branch, all of them (a branch has tens to a few hundred). */
export const peopleOf = (branchId: string): Promise<Person[]> =>
  fetchAll<Person>(coll('people').where({ branchId }).orderBy('_id', 'asc'))

export const peopleOfGroup = (groupId: string): Promise<Person[]> =>
  fetchAll<Person>(coll('people').where({ groupId }).orderBy('_id', 'asc'))

/** The projects of a branch, as search needs them (title, slogan, branch name). */
export const projectsOf = (branchId: string) =>
  fetchAll<Pick<Project, '_id' | 'title' | 'slogan' | 'branchId' | 'branchName' | 'updatedAt'>>(
    coll('projects')
      .where({ branchId })
      .field({ _id: true, title: true, slogan: true, branchId: true, branchName: true, updatedAt: true }),
  )

/** The audit record of one change (组织管理): who, what, which. */
export function audit(
  caller: Pick<Person, '_id' | 'name'>,
  action: string,
  targetIds: string[],
  summary: string,
  detail: Record<string, unknown>,
  at: Date,
): Promise<unknown> {
  const doc: OrgEvent = {
    _id: newId('oe'),
    action,
    actorId: caller._id,
    actorName: caller.name,
    targetIds,
    summary,
    detail,
    at,
  }
  return coll('orgEvents').add({ data: doc }) as Promise<unknown>
}

/** One change of the organisation, as its audit record tells it. */
export interface OrgChange {
  action: string
  targetIds: string[]
  summary: string
  detail: Record<string, unknown>
  at: Date
}

/**
 * A change's own writes, issued together with its audit record and the notices it sends the people it touches
 * (消息, as their settings allow): one round trip.
 */
export async function applyChange(
  caller: Pick<Person, '_id' | 'name'>,
  change: OrgChange,
  writes: readonly unknown[],
  notices?: { told: readonly PlannedReminder[]; settings: KindSettings },
): Promise<void> {
  await Promise.all([
    ...writes,
    notices ? notify(notices.told, notices.settings, change.at) : null,
    audit(caller, change.action, change.targetIds, change.summary, change.detail, change.at),
  ])
}

/**
 * The dashboard's next roll-up recomputes everything (a renamed, moved or merged unit changes what no change
 * mark covers), so `check:counters` agrees right after the change, not within the hour.
 */
export const askFullRollup = (): Promise<unknown> =>
  coll('dashboardRollups')
    .where({ _id: 'run' })
    .update({ data: { fullAt: new Date(0) } }) as Promise<unknown>

/** Search finds these people and projects under their new branch (name) from now on. */
export function reindex(
  people: readonly Pick<Person, '_id' | 'name' | 'title' | 'branchId'>[],
  projects: readonly Pick<Project, '_id' | 'title' | 'slogan' | 'branchId' | 'branchName' | 'updatedAt'>[],
  branchNames: ReadonlyMap<string, string>,
): Promise<void> {
  return indexForSearch([
    ...people.map((p) => personSearchable(p, (p.branchId && branchNames.get(p.branchId)) || '')),
    ...projects.map(projectSearchable),
  ])
}

/** A branch's running check-in count and its study totals: what merging it adds to another. */
export async function branchFigures(branchIds: readonly string[]) {
  const [counters, totals] = await Promise.all([
    coll('checkinCounts')
      .where({ _id: _.in(branchIds.map(branchCounterId)) })
      .get() as Promise<DB.IQueryResult>,
    coll('studyTotals')
      .where({ _id: _.in(branchIds.map((id) => `branch:${id}`)) })
      .get() as Promise<DB.IQueryResult>,
  ])
  return {
    counters: new Map(
      (counters.data as { _id: string; count: number }[]).map((c) => [c._id, c.count] as const),
    ),
    totals: new Map(
      (totals.data as { _id: string; personTimes: number; completed: number; studySeconds: number }[]).map(
        (t) => [t._id, t] as const,
      ),
    ),
  }
}
