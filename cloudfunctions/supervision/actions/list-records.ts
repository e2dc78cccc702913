import { isCommittee } from '../../../domain/roles'
import { sortedSecretaryBranches } from '../../../domain/supervision'
import type { RecordScope } from '../../../domain/supervision-records'
import { fail, ok } from '../../../types/result'
import { listRecords as readRecords } from '../../_shared/repositories/supervision-records'
import type { Handler } from '../../_shared/router'
import { toRecordSummary } from '../record-views'

/**
 * 督导记录, newest contact first: the committee reads every branch's (or one), a secretary their own branch's.
 * Two reads at once (the page and the count): one round trip.
 */
export const listRecords: Handler<'supervision', 'listRecords'> = async (
  { branchId, page, pageSize },
  { caller },
) => {
  let scope: RecordScope
  if (isCommittee(caller)) scope = branchId ? { all: false, branchIds: [branchId] } : { all: true }
  else {
    const own = sortedSecretaryBranches(caller)
    if (branchId && !own.includes(branchId)) return fail('FORBIDDEN', '只能查看本支部的督导记录')
    if (own.length === 0) return fail('FORBIDDEN', '督导记录仅供党委和支部书记查看')
    scope = { all: false, branchIds: branchId ? [branchId] : own }
  }
  const { items, total } = await readRecords(scope, page, pageSize)
  return ok({ items: items.map(toRecordSummary), page, pageSize, total, hasMore: page * pageSize < total })
}
