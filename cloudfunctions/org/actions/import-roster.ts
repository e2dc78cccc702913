import { createHash } from 'node:crypto'
import { canGrantRoles, isCommittee } from '../../../domain/roles'
import { normalizePhone, planRoster, type RosterInputRow, type RosterPlanRow } from '../../../domain/roster'
import type { Person } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, cloud, db, _ } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { fileIdIssues } from '../../_shared/file-ids'
import { newId } from '../../_shared/ids'
import { logEvent } from '../../_shared/log'
import { listAllGroups, listOrgUnits } from '../../_shared/repositories/org'
import { findPeopleByPhoneOrEmployeeNo } from '../../_shared/repositories/people'
import { personSearchable } from '../../../domain/search'
import { indexForSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { replacing } from '../../_shared/transaction'
import { askFullRollup } from '../admin-store'
import { RosterFileError, readRosterXlsx } from '../roster-file'

/** Documents per add(): one request each, under CloudBase's cap on one batch insert. */
const CREATE_BATCH = 500
/** Updates issued together: each wave costs one round trip, and stays well inside the function's time. */
const UPDATE_WAVE = 50

/** A new member's id, from what identifies them (employee number, else phone): a re-run lands on the same one. */
const rosterPersonId = (key: string): string =>
  `p-${createHash('sha256').update(`roster\n${key}`).digest('hex').slice(0, 20)}`

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

const updatePerson = (id: string, fields: Partial<Person>) =>
  db
    .collection(COLLECTIONS.people)
    .doc(id)
    .update({ data: replacing({ ...fields }) })

/**
 * New people, a batch insert per CREATE_BATCH. If some already exist (another import, or an earlier commit
 * that stopped half-way, created them), that batch is written one by one instead: update what is there,
 * create what is not, so a re-run still changes nothing twice and never clears a bound WeChat.
 */
async function createPeople(docs: Person[]): Promise<void> {
  try {
    await db.collection(COLLECTIONS.people).add({ data: docs })
  } catch {
    const found = (await db
      .collection(COLLECTIONS.people)
      .where({ _id: _.in(docs.map((d) => d._id)) })
      .field({ _id: true })
      .limit(docs.length)
      .get()) as unknown as { data: { _id: string }[] }
    const there = new Set(found.data.map((d) => d._id))
    await Promise.all(
      docs.map(({ _id, openid, ...fields }) =>
        there.has(_id)
          ? updatePerson(_id, fields)
          : db
              .collection(COLLECTIONS.people)
              .doc(_id)
              .set({ data: { openid, ...fields } }),
      ),
    )
  }
}

/**
 * Writes the planned rows in round trips that do not grow with the roster row by row: every batch insert at
 * once, then the updates in waves of UPDATE_WAVE. 2,000 rows take a handful of round trips, not thousands.
 */
async function commitRoster(rows: readonly RosterPlanRow[]): Promise<void> {
  const creates = rows.flatMap((r) =>
    r.action === 'create' && r.fields
      ? [{ _id: rosterPersonId(r.key), openid: '', ...r.fields } as Person]
      : [],
  )
  const updates = rows.filter((r) => r.action === 'update' && r.fields && r.personId)
  await Promise.all(chunks(creates, CREATE_BATCH).map(createPeople))
  for (const wave of chunks(updates, UPDATE_WAVE))
    await Promise.all(wave.map((r) => updatePerson(r.personId as string, r.fields as Partial<Person>)))
}

/**
 * 党委 imports the member roster. Every row is checked (missing name, bad or repeated phone, unknown branch or
 * group, conflicting matches…) and the preview says what each would do; a commit writes only a roster with no
 * errors, in batch inserts and waves of updates (see commitRoster), matching existing people by employee number, else phone, so importing
 * the same roster twice changes nothing. Imported people have no openid until they bind with an invite code.
 */
export const importRoster: Handler<'org', 'importRoster'> = async (params, { caller }) => {
  if (!isCommittee(caller)) return fail('FORBIDDEN', '只有党委可以导入党员名册')

  let rows: RosterInputRow[]
  if (params.fileId !== undefined) {
    const issues = fileIdIssues([params.fileId], caller._id, ['xlsx'], 'fileId')
    if (issues.length > 0) return fail('INVALID_INPUT', '名册文件不可用', issues)
    try {
      const { fileContent } = (await cloud.downloadFile({ fileID: params.fileId })) as { fileContent: Buffer }
      rows = await readRosterXlsx(fileContent)
    } catch (err) {
      if (err instanceof RosterFileError)
        return fail('INVALID_INPUT', err.message, [{ path: 'fileId', message: err.message }])
      throw err
    }
  } else rows = params.rows ?? []

  const [units, groups, existing] = await Promise.all([
    listOrgUnits(),
    listAllGroups(),
    findPeopleByPhoneOrEmployeeNo(
      rows.map((r) => normalizePhone(r.phone)),
      rows.map((r) => (r.employeeNo ?? '').trim()),
    ),
  ])
  const plan = planRoster(rows, {
    branches: units.filter((u) => u.kind === 'branch').map((u) => ({ id: u._id, name: u.name })),
    groups: groups.map((g) => ({ id: g._id, name: g.name, branchId: g.branchId })),
    existing,
  })
  const view = {
    summary: plan.summary,
    rows: plan.rows.map((r) => ({ row: r.row, name: r.name, action: r.action, errors: r.errors })),
  }
  if (plan.rows.some((r) => r.fields && !canGrantRoles(caller, r.fields.grants)))
    return fail('FORBIDDEN', '名册中的角色超出了你可以授予的范围')
  if (!params.commit || plan.summary.errors > 0) return ok({ committed: false, ...view })

  await commitRoster(plan.rows)
  const branchNames = new Map(units.map((u) => [u._id, u.name]))
  const written = plan.rows.flatMap((r) =>
    (r.action === 'create' || r.action === 'update') && r.fields
      ? [{ _id: r.personId ?? rosterPersonId(r.key), ...r.fields }]
      : [],
  )
  await Promise.all([
    db.collection(COLLECTIONS.rosterImports).add({
      data: {
        _id: newId('ri'),
        by: caller._id,
        at: now(),
        source: params.fileId ?? 'rows',
        summary: plan.summary,
      },
    }),
    // Found by name in search, within their branch.
    indexForSearch(
      written.map((p) => personSearchable(p, (p.branchId && branchNames.get(p.branchId)) || '')),
    ),
    // New members, or members moved or renamed: no change mark covers people, so the dashboard's next
    // roll-up recomputes every branch (members, participation) instead of waiting for its hourly round.
    ...(written.length > 0 ? [askFullRollup()] : []),
  ])
  logEvent('info', 'roster_imported', {
    by: caller._id,
    created: plan.summary.create,
    updated: plan.summary.update,
    unchanged: plan.summary.unchanged,
  })
  return ok({ committed: true, ...view })
}
