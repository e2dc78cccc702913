import { milestoneCounterId, taskCounterId } from '../../../domain/checkin-counts'
import { byDue, chinaDay, dueState } from '../../../domain/checkins'
import { formatDay } from '../../../domain/dates'
import type { Milestone } from '../../../types/entities'
import type { MyTaskItem } from '../../../types/functions/checkins'
import { ok } from '../../../types/result'
import { getCounts } from '../../_shared/repositories/checkins'
import { listMilestoneDues, listMilestonesOwnedBy } from '../../_shared/repositories/milestones'
import type { MilestoneDue } from '../../_shared/repositories/milestones'
import { listProjectOutlines } from '../../_shared/repositories/projects'
import type { ProjectOutline } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'

/** A list a member scrolls on a phone; nobody owns more lines of work than this at once. */
const MAX_ITEMS = 200

const dayOf = (d: Date | null): string | null => (d ? formatDay(d) : null)

/** A task is due when its earliest unfinished milestone is, and done when all of them are approved. */
function taskDue(milestones: readonly MilestoneDue[]): { deadline: string | null; done: boolean } {
  const open = milestones.filter((m) => m.status !== 'approved')
  const days = open.flatMap((m) => dayOf(m.deadline) ?? []).sort()
  return { deadline: days[0] ?? null, done: milestones.length > 0 && open.length === 0 }
}

type Line = Omit<MyTaskItem, 'dueState' | 'checkins'> & { done: boolean; counter: string }

/**
 * 打卡: every task the caller is assigned to and every milestone they own, in the projects of their branches
 * being implemented, what is due first first. Reads: the projects and the caller's milestones at once, then the
 * assigned tasks' milestones and the counters at once, all on indexes or by id.
 */
export const myTasks: Handler<'checkins', 'myTasks'> = async (_params, { caller }) => {
  const branchIds = [...new Set(caller.grants.flatMap((g) => (g.role !== 'committee' ? [g.branchId] : [])))]
  const [projects, mine] = await Promise.all([
    listProjectOutlines(branchIds, 'in_progress'),
    branchIds.length > 0 ? listMilestonesOwnedBy(caller._id) : Promise.resolve([]),
  ])
  const working = new Set(projects.map((p) => p._id))
  const owned = mine.filter((m) => working.has(m.projectId))
  const assigned = projects.filter((p) => p.tasks.some((t) => t.assigneeIds.includes(caller._id)))
  // Which counters the lines will show is known before their due dates are.
  const counters = [
    ...assigned.flatMap((p) =>
      p.tasks.filter((t) => t.assigneeIds.includes(caller._id)).map((t) => taskCounterId(p._id, t.id)),
    ),
    ...owned.map((m) => milestoneCounterId(m._id)),
  ]
  const [dues, counts] = await Promise.all([
    listMilestoneDues(assigned.map((p) => p._id)),
    getCounts(counters),
  ])
  const lines = [...taskLines(caller._id, assigned, dues), ...milestoneLines(projects, owned)].slice(
    0,
    MAX_ITEMS,
  )
  const today = chinaDay(new Date())
  const items = lines.sort(byDue).map(({ done, counter, ...line }): MyTaskItem => ({
    ...line,
    dueState: dueState(line.deadline, done, today),
    checkins: counts.get(counter) ?? 0,
  }))
  return ok({ items, overdue: items.filter((i) => i.dueState === 'overdue').length, today })
}

function taskLines(callerId: string, projects: ProjectOutline[], dues: MilestoneDue[]): Line[] {
  return projects.flatMap((p) =>
    p.tasks
      .filter((t) => t.assigneeIds.includes(callerId))
      .map((t): Line => {
        const due = taskDue(dues.filter((m) => m.projectId === p._id && m.taskId === t.id))
        return {
          kind: 'task',
          key: `${p._id}:${t.id}`,
          project: { id: p._id, title: p.title, branchName: p.branchName },
          task: { id: t.id, title: t.title },
          milestone: null,
          deadline: due.deadline,
          done: due.done,
          canSubmit: false,
          counter: taskCounterId(p._id, t.id),
        }
      }),
  )
}

function milestoneLines(projects: ProjectOutline[], owned: Milestone[]): Line[] {
  const byId = new Map(projects.map((p) => [p._id, p]))
  return owned.flatMap((m): Line[] => {
    const p = byId.get(m.projectId)
    const task = p?.tasks.find((t) => t.id === m.taskId)
    if (!p || !task) return []
    return [
      {
        kind: 'milestone',
        key: m._id,
        project: { id: p._id, title: p.title, branchName: p.branchName },
        task: { id: task.id, title: task.title },
        milestone: {
          id: m._id,
          title: m.title,
          weight: m.weight,
          status: m.status,
          round: m.round ?? 0,
          lastComment: m.lastComment ?? '',
        },
        deadline: dayOf(m.deadline),
        done: m.status === 'approved',
        canSubmit: m.status === 'open' || m.status === 'returned',
        counter: milestoneCounterId(m._id),
      },
    ]
  })
}
