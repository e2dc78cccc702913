import { now } from '../../_shared/clock'
import { chinaDay } from '../../../domain/checkins'
import { formatDay, parseDay } from '../../../domain/dates'
import { inspectionDue } from '../../../domain/inspection-cadence'
import { contactNeed } from '../../../domain/supervision-records'
import { getBranchStatuses } from '../../_shared/repositories/supervision-records'
import { isCommittee } from '../../../domain/roles'
import {
  SUPERVISED_STATUSES,
  overdueByProject,
  quietProjects,
  quietWindowStart,
  sortedSecretaryBranches,
  supervisedProjects,
} from '../../../domain/supervision'
import { fail, ok } from '../../../types/result'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import {
  listAssignments,
  listOverdueInBranches,
  listProjectsIn,
  listRecentProjectWeeks,
} from '../../_shared/repositories/supervision'

/**
 * 我的联系支部: the branches a committee member supervises (a secretary: their own), each with its running
 * and waiting-for-acceptance projects, their overdue milestones and those with no check-in for 14 days (from the
 * project_week counters, read beside the projects), judged on today's China day. Reads grow
 * with the caller's branches and their running plans only.
 */
export const myBranches: Handler<'supervision', 'myBranches'> = async (_params, { caller }) => {
  const supervisor = isCommittee(caller)
  const held = supervisor ? await listAssignments(caller._id) : []
  const branchIds = supervisor ? held.map((a) => a.branchId) : sortedSecretaryBranches(caller)
  const plans = new Map(held.map((a) => [a.branchId, a.inspection]))
  if (!supervisor && branchIds.length === 0) return fail('FORBIDDEN', '分片督导仅供党委和支部书记使用')
  const today = chinaDay(now())
  if (branchIds.length === 0) return ok({ supervisor, branches: [], today })
  const [units, projects, late, statuses, weeks] = await Promise.all([
    getOrgUnitsByIds(branchIds),
    listProjectsIn(branchIds, SUPERVISED_STATUSES),
    listOverdueInBranches(branchIds, parseDay(today) as Date),
    getBranchStatuses(branchIds),
    listRecentProjectWeeks(branchIds, quietWindowStart(today)),
  ])
  const overdue = overdueByProject(late, today)
  const quiet = quietProjects(projects, weeks)
  const branches = [...units.values()]
    .filter((u) => u.kind === 'branch')
    .sort((a, b) => a.order - b.order)
    .map((u) => {
      const own = supervisedProjects(
        projects.filter((p) => p.branchId === u._id),
        overdue,
      )
      const status = statuses.get(u._id)
      const last = status?.lastInspectionDate ? formatDay(status.lastInspectionDate) : null
      const due = inspectionDue(plans.get(u._id), last, today)
      return {
        inspection: due
          ? {
              cadence: due.cadence,
              periodLabel: due.period.label,
              periodEnd: due.period.end,
              doneOn: due.doneOn,
              daysLeft: due.daysLeft,
            }
          : null,
        lastContact:
          status?.lastDate && status.lastMethod
            ? {
                date: formatDay(status.lastDate),
                method: status.lastMethod,
                supervisorName: status.lastSupervisorName,
              }
            : null,
        openFollowUps: status?.openFollowUps ?? 0,
        id: u._id,
        name: u.name,
        projects: own.map((p) => ({
          id: p._id,
          title: p.title,
          status: p.status,
          progress: p.progress,
          overdueMilestones: p.overdueMilestones,
          quiet: quiet.has(p._id),
        })),
        quietProjects: own.filter((p) => quiet.has(p._id)).length,
        running: own.filter((p) => p.status === 'in_progress').length,
        waitingAcceptance: own.filter((p) => p.status === 'acceptance_requested').length,
        overdueMilestones: own.reduce((n, p) => n + p.overdueMilestones, 0),
      }
    })
    // The branch needing a call first (domain contactNeed); org order among equals.
    .map((b, order) => ({
      b,
      order,
      need: contactNeed({ ...b, lastContact: b.lastContact?.date ?? null }, today),
    }))
    .sort((x, y) => y.need - x.need || x.order - y.order)
    .map((x) => x.b)
  return ok({ supervisor, branches, today })
}
