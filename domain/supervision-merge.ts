import type {
  InspectionPlan,
  MergedFromBranch,
  SpotCheck,
  SupervisionAssignment,
  SupervisionBranchStatus,
} from '../types/entities-supervision'
import { chinaDay } from './checkins'
import { formatDay } from './dates'
import { chineseDate } from './time'

/**
 * What happens to a branch's 督导 when the committee merges it (A) into another branch (B). The rule, in one place:
 *
 * 1. 分片督导 (who supervises): B's supervisors win. A's assignments end; A's supervisors are not given B. When B has
 *    no supervisor, A's supervisors carry on with B (their assignment to A ends, one to B starts), so the merged
 *    branch is never left unsupervised because of the merge.
 * 2. 定期检查频次 (cadence) belongs to a supervisor (the same on all their branches), so it follows rule 1: B keeps
 *    its supervisors' cadence; a supervisor who carries on brings their own.
 * 3. 督导记录 (records): A's records move to B whole (date, supervisor, findings, follow-ups and their owners kept)
 *    and are marked `mergedFrom`, so they show under B as "原「A」记录，于某日并入". Never copied, so never counted
 *    twice.
 * 4. B's latest-contact status: the later of the two latest contacts (a tie keeps B's), the later of the two
 *    latest 定期检查, and the open follow-ups of both added once (A's status document goes in the same step).
 * 5. 随机抽查 that picked A's projects name B instead (their branches and picks), so B's secretaries see them; the
 *    findings stay as recorded.
 * 6. 整改 tasks of A move to B. Tasks still open or reported done are owned by B's secretary from now on (A's
 *    secretary is no longer a secretary and could not report them); confirmed tasks keep their owner as history.
 *    With no secretary in B the owner stays, and the committee is told in the audit.
 */

export type MergedFrom = MergedFromBranch

/** What the merge does to assignments: the ids that end, and the supervisors who carry on with B. */
export interface AssignmentPlan {
  end: string[]
  carry: { personId: string; inspection: InspectionPlan[] }[]
}

export function assignmentsAfterMerge(
  fromActive: readonly Pick<SupervisionAssignment, '_id' | 'personId' | 'inspection'>[],
  intoActive: readonly Pick<SupervisionAssignment, 'personId'>[],
): AssignmentPlan {
  const end = fromActive.map((a) => a._id)
  if (intoActive.length > 0) return { end, carry: [] }
  return { end, carry: fromActive.map((a) => ({ personId: a.personId, inspection: a.inspection ?? [] })) }
}

export type StatusFields = Omit<SupervisionBranchStatus, '_id'>

/** A branch never contacted. */
export const emptyStatus = (at: Date): StatusFields => ({
  lastDate: null,
  lastMethod: null,
  lastRecordId: null,
  lastSupervisorName: '',
  lastInspectionDate: null,
  openFollowUps: 0,
  updatedAt: at,
})

const dayOf = (d: Date | null): string | null => (d === null ? null : formatDay(d))

/**
 * B's status after A's (branch `fromId`) is added (rule 4); either may be missing (never contacted). B remembers
 * that it holds A's, so a merge step run again (after a crash) answers B as it is and adds nothing twice.
 */
export function statusAfterMerge(
  fromId: string,
  from: StatusFields | null,
  into: StatusFields | null,
  at: Date,
): StatusFields | null {
  if (!from || into?.absorbed?.includes(fromId)) return into
  const base = into ?? emptyStatus(at)
  const fromDay = dayOf(from.lastDate)
  const intoDay = dayOf(base.lastDate)
  const fromNewer = fromDay !== null && (intoDay === null || fromDay > intoDay)
  const fromInspection = dayOf(from.lastInspectionDate)
  const intoInspection = dayOf(base.lastInspectionDate)
  const inspectionNewer =
    fromInspection !== null && (intoInspection === null || fromInspection > intoInspection)
  return {
    lastDate: fromNewer ? from.lastDate : base.lastDate,
    lastMethod: fromNewer ? from.lastMethod : base.lastMethod,
    lastRecordId: fromNewer ? from.lastRecordId : base.lastRecordId,
    lastSupervisorName: fromNewer ? from.lastSupervisorName : base.lastSupervisorName,
    lastInspectionDate: inspectionNewer ? from.lastInspectionDate : base.lastInspectionDate,
    openFollowUps: base.openFollowUps + from.openFollowUps,
    updatedAt: at,
    absorbed: [...(base.absorbed ?? []), fromId],
  }
}

/** A spot check's branches and picks once `fromId` is merged into `into` (rule 5); null when it names no A. */
export function spotCheckAfterMerge(
  check: Pick<SpotCheck, 'branchIds' | 'picked'>,
  fromId: string,
  into: { id: string; name: string },
): Pick<SpotCheck, 'branchIds' | 'picked'> | null {
  if (!check.branchIds.includes(fromId) && !check.picked.some((p) => p.branchId === fromId)) return null
  const branchIds = [...new Set(check.branchIds.map((b) => (b === fromId ? into.id : b)))].sort()
  const picked = check.picked.map((p) =>
    p.branchId === fromId ? { ...p, branchId: into.id, branchName: into.name } : p,
  )
  return { branchIds, picked }
}

/** Who owns A's unconfirmed 整改 tasks from now on (rule 6): B's first secretary, or nobody new. */
export const rectificationHeir = (
  intoSecretaries: readonly { _id: string; name: string }[],
): { _id: string; name: string } | null =>
  [...intoSecretaries].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))[0] ?? null

/** The line a merged record or task shows: 原「营销部党支部」记录，2026年12月4日并入. */
export const mergedNote = (m: MergedFrom | null | undefined, what = '记录'): string | null =>
  m ? `原「${m.branchName}」${what}，${chineseDate(chinaDay(new Date(m.at)))}并入` : null
