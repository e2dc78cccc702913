import { branchCounterId } from '../../../domain/checkin-counts'
import { listingId } from '../../../domain/lectures'
import {
  grantsAfterMerge,
  mergeProblem,
  moveProblem,
  placementProblem,
  unitNameProblem,
} from '../../../domain/org-admin'
import { mergeJobText, mergeMode } from '../../../domain/org-jobs'
import type { LectureListing, OrgUnit, Person } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { _ } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { newId } from '../../_shared/ids'
import { logEvent } from '../../_shared/log'
import { fetchAll } from '../../_shared/repositories/query'
import { planOrgChange } from '../../../domain/notifications'
import { notify, settingsOf } from '../../_shared/notify'
import { moveSupervision, readSupervision, removeSupervision } from '../merge-supervision'
import type { Handler } from '../../_shared/router'
import {
  askFullRollup,
  audit,
  branchFigures,
  coll,
  peopleOf,
  projectsOf,
  readOrg,
  reindex,
} from '../admin-store'
import { HISTORY, addFiguresOnce, historySize, mergeJobView, openMergeJob, openMergeJobs } from '../merge-job'

const KIND_WORDS = { committee: '党委', general_branch: '党总支', branch: '党支部' } as const

/** 组织管理: a new 党委 / 党总支 / 党支部. The first committee member starts an empty company with the 党委. */
export const createUnit: Handler<'org', 'createUnit'> = async ({ kind, name, parentId }, { caller }) => {
  const { units } = await readOrg()
  const parent = parentId === null ? null : (units.find((u) => u._id === parentId) ?? null)
  if (parentId !== null && !parent) return fail('NOT_FOUND', '上级组织不存在')
  const problem =
    placementProblem(kind, parent) ??
    (kind === 'committee' && units.some((u) => u.kind === 'committee') ? '本单位已有党委' : null) ??
    unitNameProblem(units, name, null)
  if (problem) return fail('CONFLICT', problem)
  const at = now()
  const unit: OrgUnit = {
    _id: newId(kind === 'branch' ? 'b' : kind === 'general_branch' ? 'gb' : 'c'),
    kind,
    name,
    parentId,
    order: units.reduce((m, u) => Math.max(m, u.order), 0) + 1,
  }
  const summary = `新建${KIND_WORDS[kind]}「${name}」${parent ? `，隶属「${parent.name}」` : ''}`
  await Promise.all([
    coll('orgUnits').add({ data: unit }),
    audit(caller, 'createUnit', [unit._id], summary, { kind, name, parentId }, at),
  ])
  logEvent('info', 'org_unit_created', { unitId: unit._id, by: caller._id })
  return ok({ id: unit._id, message: `已${summary}`, moved: {} })
}

/** A new name: projects (which carry it), search and the dashboards follow. */
export const renameUnit: Handler<'org', 'renameUnit'> = async ({ unitId, name }, { caller }) => {
  const [{ units }, people, projects] = await Promise.all([readOrg(), peopleOf(unitId), projectsOf(unitId)])
  const unit = units.find((u) => u._id === unitId)
  if (!unit) return fail('NOT_FOUND', '组织不存在')
  if (unit.name === name) return fail('CONFLICT', `名称未改变：仍为「${name}」`)
  const problem = unitNameProblem(units, name, unitId)
  if (problem) return fail('CONFLICT', problem)
  const at = now()
  const names = new Map(units.map((u) => [u._id, u._id === unitId ? name : u.name]))
  await Promise.all([
    coll('orgUnits').doc(unitId).update({ data: { name } }),
    unit.kind === 'branch'
      ? coll('projects')
          .where({ branchId: unitId })
          .update({ data: { branchName: name } })
      : null,
    reindex(
      people,
      projects.map((p) => ({ ...p, branchName: name })),
      names,
    ),
    askFullRollup(),
    audit(
      caller,
      'renameUnit',
      [unitId],
      `「${unit.name}」更名为「${name}」`,
      { from: unit.name, to: name },
      at,
    ),
  ])
  return ok({ id: unitId, message: `已将「${unit.name}」更名为「${name}」`, moved: {} })
}

/** Under another parent (a 支部 from the 党委 into a 党总支, …): never under itself or its own child. */
export const moveUnit: Handler<'org', 'moveUnit'> = async ({ unitId, parentId }, { caller }) => {
  const { units } = await readOrg()
  const unit = units.find((u) => u._id === unitId)
  if (!unit) return fail('NOT_FOUND', '组织不存在')
  const parent = parentId === null ? null : (units.find((u) => u._id === parentId) ?? null)
  if (parentId !== null && !parent) return fail('NOT_FOUND', '上级组织不存在')
  if (unit.parentId === parentId) return fail('CONFLICT', `「${unit.name}」已在该组织之下`)
  const problem = moveProblem(units, unit, parent)
  if (problem) return fail('CONFLICT', problem)
  const at = now()
  const was = units.find((u) => u._id === unit.parentId)?.name ?? '（无）'
  const summary = `「${unit.name}」从「${was}」移至「${parent?.name ?? '（无）'}」之下`
  await Promise.all([
    coll('orgUnits').doc(unitId).update({ data: { parentId } }),
    askFullRollup(),
    audit(caller, 'moveUnit', [unitId], summary, { from: unit.parentId, to: parentId }, at),
  ])
  return ok({ id: unitId, message: `已将${summary}`, moved: {} })
}

/** What a merge reads before it writes, in one round trip. */
export async function readMerge(fromId: string, intoId: string) {
  const [{ units, groups }, people, projects, figures, listings, supervision] = await Promise.all([
    readOrg(),
    peopleOf(fromId),
    projectsOf(fromId),
    branchFigures([fromId, intoId]),
    fetchAll<LectureListing>(coll('lectureListings').where({ key: fromId })),
    readSupervision(fromId, intoId),
  ])
  return { units, groups, people, projects, figures, listings, supervision }
}
export type MergeReads = Awaited<ReturnType<typeof readMerge>>

/**
 * `fromId` is merged into `intoId` and removed. A 党总支: its units move under the other. A 支部: everything that
 * names it moves (people and their roles, groups, projects, milestones, check-ins and their counters, study,
 * lectures, invites); its running counters add to the other's, so a recount agrees. Its secretary stays as a
 * member of the merged branch, whose secretary leads it. Each collection moves in one request, all together.
 * A branch with a large history (domain/org-jobs.ts) is merged by a job instead: the answer carries it.
 */
export const mergeUnits: Handler<'org', 'mergeUnits'> = async ({ fromId, intoId }, { caller }) => {
  const [reads, history, open] = await Promise.all([
    readMerge(fromId, intoId),
    historySize(fromId),
    openMergeJobs(),
  ])
  const from = reads.units.find((u) => u._id === fromId)
  const into = reads.units.find((u) => u._id === intoId)
  if (!from || !into) return fail('NOT_FOUND', '组织不存在')
  const problem = mergeProblem(reads.units, from, into)
  if (problem) return fail('CONFLICT', problem)
  const busy = open.find((j) => [j.fromId, j.intoId].some((id) => id === fromId || id === intoId))
  if (busy?.fromId === fromId && busy.intoId === intoId)
    return ok({ id: intoId, message: mergeJobText(busy), moved: {}, job: mergeJobView(busy) })
  if (busy)
    return fail('CONFLICT', `「${busy.fromName}」并入「${busy.intoName}」尚未完成，请完成后再调整这两个组织`)
  const at = now()
  if (from.kind === 'branch' && mergeMode(history) === 'job') {
    const job = await openMergeJob(
      { id: fromId, name: from.name },
      { id: intoId, name: into.name },
      caller,
      history,
      at,
    )
    logEvent('info', 'org_merge_job_opened', { jobId: job._id, fromId, intoId, total: history })
    return ok({ id: intoId, message: mergeJobText(job), moved: {}, job: mergeJobView(job) })
  }
  const done = await applyMerge(reads, from, into, caller, at, { once: false })
  return ok({ id: intoId, ...done })
}

/**
 * Every write of a merge, after its reads and checks: two rounds (everything that names the old unit, then the
 * old unit's own documents). `once`: the branch's running totals are added in a transaction that removes them in
 * the same step (a job's finishing run, which may be tried again); otherwise added beside the other writes.
 */
export async function applyMerge(
  reads: MergeReads,
  from: OrgUnit,
  into: OrgUnit,
  caller: Pick<Person, '_id' | 'name'>,
  at: Date,
  { once, jobId }: { once: boolean; jobId?: string },
): Promise<{ message: string; moved: Record<string, number> }> {
  const { groups, people, projects, figures, listings, supervision } = reads
  const fromId = from._id
  const intoId = into._id
  const summary = `「${from.name}」并入「${into.name}」`
  const fromGroups = groups.filter((g) => g.branchId === fromId).map((g) => g._id)
  const moved: Record<string, number> = {}
  const count = async (key: string, op: unknown) => {
    moved[key] = ((await op) as { stats?: { updated?: number } }).stats?.updated ?? 0
  }
  const sides = { from: { id: fromId, name: from.name }, into: { id: intoId, name: into.name }, caller, at }
  // Who is told: the merged branch's people, the remaining one's secretaries, the supervisors of both sides.
  const told = [
    ...people.map((p) => p._id),
    ...supervision.secretaryIds,
    ...supervision.endedSupervisorIds,
    ...supervision.carriedSupervisorIds,
  ]
  let carried = { records: 0, tasks: 0 }
  const branchWrites =
    from.kind !== 'branch'
      ? []
      : [
          ...people.map((p) =>
            coll('people')
              .doc(p._id)
              .update({
                data: {
                  branchId: intoId,
                  grants: _.set(grantsAfterMerge(p.grants, fromId, intoId)),
                  branchHistory: _.push([{ branchId: fromId, groupId: p.groupId, until: at }]),
                },
              }),
          ),
          count(
            'groups',
            coll('groups')
              .where({ branchId: fromId })
              .update({ data: { branchId: intoId } }),
          ),
          count(
            'projects',
            coll('projects')
              .where({ branchId: fromId })
              .update({ data: { branchId: intoId, branchName: into.name, updatedAt: at } }),
          ),
          // The history, as a merge job moves it in batches (check-ins, milestones, counters, study records).
          ...HISTORY.map((h) =>
            count(
              h.key,
              coll(h.name)
                .where({ branchId: fromId })
                .update({ data: h.data(intoId, at) }),
            ),
          ),
          coll('lectures')
            .where({ ownerBranchId: fromId })
            .update({ data: { ownerBranchId: intoId } }),
          coll('invites')
            .where({ branchId: fromId })
            .update({ data: { branchId: intoId } }),
          ...listings.flatMap((l) => [
            coll('lectureListings')
              .doc(listingId(l.lectureId, intoId))
              .set({ data: { ...withoutId(l), key: intoId } }),
            coll('lectures')
              .doc(l.lectureId)
              .update({ data: { 'audience.branchIds': _.addToSet(intoId) } }),
          ]),
          ...(fromGroups.length > 0
            ? [
                coll('groupPosts')
                  .where({ groupId: _.in(fromGroups) })
                  .update({ data: { branchId: intoId } }),
              ]
            : []),
          ...(once ? [addFiguresOnce(fromId, intoId, at)] : mergedFigures(figures, fromId, intoId, at)),
          moveSupervision(supervision, sides).then((n) => {
            carried = n
          }),
          reindex(
            people.map((p) => ({ ...p, branchId: intoId })),
            projects.map((p) => ({ ...p, branchId: intoId, branchName: into.name })),
            new Map([[intoId, into.name]]),
          ),
        ]
  const [settings] = await Promise.all([
    from.kind === 'branch' ? settingsOf(told) : null,
    ...branchWrites,
    count(
      'units',
      coll('orgUnits')
        .where({ parentId: fromId })
        .update({ data: { parentId: intoId } }),
    ),
    askFullRollup(),
    audit(
      caller,
      'mergeUnits',
      [fromId, intoId],
      summary,
      { from, into, people: people.length, ...(jobId ? { jobId } : {}) },
      at,
    ),
  ])
  // The old branch's own documents go last, once everything that named it names the other.
  await Promise.all([
    coll('orgUnits').doc(fromId).remove(),
    ...(from.kind === 'branch'
      ? [
          once ? null : coll('checkinCounts').doc(branchCounterId(fromId)).remove(),
          // Its dashboard documents: the roll-up recomputes the merged branch's, and reads no branch that is gone.
          coll('dashboardRollups').where({ branchId: fromId }).remove(),
          coll('dashboardOverdue').where({ branchId: fromId }).remove(),
          once ? null : coll('studyTotals').doc(`branch:${fromId}`).remove(),
          removeSupervision(fromId),
          settings
            ? notify(
                planOrgChange({
                  change: 'merged',
                  fromId,
                  fromName: from.name,
                  intoId,
                  intoName: into.name,
                  memberIds: people.map((p) => p._id),
                  secretaryIds: supervision.secretaryIds,
                  heirId: supervision.heir?._id ?? null,
                  people: people.length,
                  records: carried.records,
                  tasks: carried.tasks,
                  endedSupervisorIds: supervision.endedSupervisorIds,
                  carriedSupervisorIds: supervision.carriedSupervisorIds,
                  byName: caller.name,
                  at,
                }),
                settings,
                at,
              )
            : null,
          ...listings.flatMap((l) => [
            coll('lectureListings').doc(l._id).remove(),
            coll('lectures')
              .doc(l.lectureId)
              .update({ data: { 'audience.branchIds': _.pull(fromId) } }),
          ]),
        ]
      : []),
  ])
  if (from.kind === 'branch') {
    moved.people = people.length
    moved.supervisionRecords = carried.records
    moved.rectifications = carried.tasks
  }
  logEvent('info', 'org_units_merged', { fromId, intoId, by: caller._id, ...(jobId ? { jobId } : {}) })
  return { message: `已将${summary}`, moved }
}

const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  void _id
  return rest
}

/** The merged branch's running check-in count and study totals: its own plus the other's. */
function mergedFigures(
  figures: Awaited<ReturnType<typeof branchFigures>>,
  fromId: string,
  intoId: string,
  at: Date,
): unknown[] {
  const out: unknown[] = []
  const fromCount = figures.counters.get(branchCounterId(fromId))
  if (fromCount !== undefined) {
    const has = figures.counters.has(branchCounterId(intoId))
    out.push(
      has
        ? coll('checkinCounts')
            .doc(branchCounterId(intoId))
            .update({ data: { count: _.inc(fromCount), updatedAt: at } })
        : coll('checkinCounts')
            .doc(branchCounterId(intoId))
            .set({ data: { scope: 'branch', count: fromCount, applied: [], updatedAt: at } }),
    )
  }
  const fromTotals = figures.totals.get(`branch:${fromId}`)
  if (fromTotals) {
    const has = figures.totals.has(`branch:${intoId}`)
    const { personTimes, completed, studySeconds } = fromTotals
    out.push(
      has
        ? coll('studyTotals')
            .doc(`branch:${intoId}`)
            .update({
              data: {
                personTimes: _.inc(personTimes),
                completed: _.inc(completed),
                studySeconds: _.inc(studySeconds),
                updatedAt: at,
              },
            })
        : coll('studyTotals')
            .doc(`branch:${intoId}`)
            .set({ data: { scope: 'branch', personTimes, completed, studySeconds, updatedAt: at } }),
    )
  }
  return out
}
