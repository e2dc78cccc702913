import { chinaDay } from '../../../domain/checkins'
import { isCommittee } from '../../../domain/roles'
import { isRectificationOverdue, sortedSecretaryBranches } from '../../../domain/supervision'
import type { Rectification } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { listAssignments, listRectificationsOfBranches } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { toRectificationView } from '../views'

const ORDER: Record<Rectification['status'], number> = { open: 0, done: 1, confirmed: 2 }

/**
 * 整改任务: a secretary's branches' rectifications (they report them done), a committee member's supervised
 * branches' (they follow them up). Open ones first, overdue among them first, then by deadline.
 */
export const myRectifications: Handler<'supervision', 'myRectifications'> = async (_p, { caller }) => {
  const supervisor = isCommittee(caller)
  const branchIds = supervisor
    ? (await listAssignments(caller._id)).map((a) => a.branchId)
    : sortedSecretaryBranches(caller)
  if (!supervisor && branchIds.length === 0) return fail('FORBIDDEN', '整改任务仅供党委和支部书记查看')
  const rows = branchIds.length === 0 ? [] : await listRectificationsOfBranches(branchIds)
  const now = new Date()
  const today = chinaDay(now)
  const late = (r: Rectification) => (isRectificationOverdue(r, today) ? 0 : 1)
  const sorted = [...rows].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      late(a) - late(b) ||
      new Date(a.deadline).getTime() - new Date(b.deadline).getTime() ||
      a._id.localeCompare(b._id),
  )
  const open = rows.filter((r) => r.status === 'open')
  return ok({
    items: sorted.map((r) => toRectificationView(r, caller, now)),
    open: open.length,
    overdue: open.filter((r) => isRectificationOverdue(r, today)).length,
  })
}
