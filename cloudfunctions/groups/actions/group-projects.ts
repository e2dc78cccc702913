import type { GroupProjectView } from '../../../types/functions/groups'
import { ok } from '../../../types/result'
import { groupAccess } from '../../_shared/group-access'
import {
  getGroup,
  listGroupMembers,
  listOwnedTasks,
  listPlannedProjects,
} from '../../_shared/repositories/groups'
import { readCategoryNames } from '../../_shared/repositories/guides'
import { readingEarly } from '../../_shared/router'

/**
 * The projects the group works on: its branch's projects with a plan (assignees are always members of the
 * project's branch) whose tasks are assigned to the group's members or have milestones they own, each with
 * those tasks and members. Reads: the group and its members with the caller, then the branch's projects, then
 * owned milestones with the category names of the projects' years.
 */
export const groupProjects = readingEarly<'groups', 'groupProjects'>()(
  ({ groupId }) => Promise.all([getGroup(groupId), listGroupMembers(groupId)]),
  async (_params, { caller, early: [stored, members] }) => {
    const access = groupAccess(caller, stored)
    if (!access.ok) return access.fail
    const projects = await listPlannedProjects(access.group.branchId)
    const names = new Map(members.map((m) => [m._id, m.name]))
    const [owned, categoryNames] = await Promise.all([
      listOwnedTasks(
        members.map((m) => m._id),
        projects.map((p) => p._id),
      ),
      readCategoryNames(projects.map((p) => p.year)),
    ])
    const out: GroupProjectView[] = []
    for (const p of projects) {
      const tasks = p.tasks.flatMap((t) => {
        const ids = new Set([
          ...t.assigneeIds.filter((id) => names.has(id)),
          ...owned.filter((m) => m.projectId === p._id && m.taskId === t.id).map((m) => m.ownerId),
        ])
        const people = [...ids].sort().map((id) => ({ id, name: names.get(id) ?? '' }))
        return people.length > 0 ? [{ id: t.id, title: t.title, members: people }] : []
      })
      if (tasks.length > 0) {
        out.push({
          id: p._id,
          title: p.title,
          category: p.category,
          categoryLabel: categoryNames(p.year)[p.category],
          status: p.status,
          progress: p.progress,
          tasks,
        })
      }
    }
    return ok({ projects: out })
  },
)
