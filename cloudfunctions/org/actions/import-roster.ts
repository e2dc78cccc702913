import { createHash } from 'node:crypto'
import { canGrantRoles, isCommittee } from '../../../domain/roles'
import { normalizePhone, planRoster, type RosterInputRow, type RosterPlanRow } from '../../../domain/roster'
import type { Person } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, cloud, db } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { fileIdIssues } from '../../_shared/file-ids'
import { newId } from '../../_shared/ids'
import { logEvent } from '../../_shared/log'
import { listAllGroups, listOrgUnits } from '../../_shared/repositories/org'
import { findPeopleByPhoneOrEmployeeNo } from '../../_shared/repositories/people'
import type { Handler } from '../../_shared/router'
import { replacing, runInTransaction, txGet } from '../../_shared/transaction'
import { RosterFileError, readRosterXlsx } from '../roster-file'

/** Rows written per transaction: small enough to stay well inside a function's time, retried whole on conflict. */
const BATCH = 20

/** A new member's id, from what identifies them (employee number, else phone): a re-run lands on the same one. */
const rosterPersonId = (key: string): string =>
  `p-${createHash('sha256').update(`roster\n${key}`).digest('hex').slice(0, 20)}`

async function writeBatch(rows: readonly RosterPlanRow[]): Promise<void> {
  await runInTransaction(async (t) => {
    for (const row of rows) {
      if (!row.fields) continue
      const id = row.personId ?? rosterPersonId(row.key)
      const doc = t.collection(COLLECTIONS.people).doc(id)
      const current = await txGet<Person>(t, COLLECTIONS.people, id)
      // A created person that is already there was written by an interrupted earlier commit: update it.
      if (current) await doc.update({ data: replacing({ ...row.fields }) })
      else await doc.set({ data: { openid: '', ...row.fields } })
    }
  })
}

/**
 * 党委 imports the member roster. Every row is checked (missing name, bad or repeated phone, unknown branch or
 * group, conflicting matches…) and the preview says what each would do; a commit writes only a roster with no
 * errors, in transactions of BATCH rows, matching existing people by employee number, else phone, so importing
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

  const writes = plan.rows.filter((r) => r.action === 'create' || r.action === 'update')
  for (let i = 0; i < writes.length; i += BATCH) await writeBatch(writes.slice(i, i + BATCH))
  await db.collection(COLLECTIONS.rosterImports).add({
    data: {
      _id: newId('ri'),
      by: caller._id,
      at: now(),
      source: params.fileId ?? 'rows',
      summary: plan.summary,
    },
  })
  logEvent('info', 'roster_imported', {
    by: caller._id,
    created: plan.summary.create,
    updated: plan.summary.update,
    unchanged: plan.summary.unchanged,
  })
  return ok({ committed: true, ...view })
}
