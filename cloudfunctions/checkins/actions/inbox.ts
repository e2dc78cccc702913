import { chinaDay, dueState } from '../../../domain/checkins'
import { formatDay } from '../../../domain/dates'
import { approvalScope } from '../../../domain/milestones'
import type { InboxItem } from '../../../types/functions/checkins'
import { ok } from '../../../types/result'
import { excerpt } from '../../_shared/checkin-views'
import { iso, personRef } from '../../_shared/project-views'
import { listInbox } from '../../_shared/repositories/milestones'
import { getPersonNames } from '../../_shared/repositories/people'
import { getProjectOutlines } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'

/**
 * 待审批: milestone submissions waiting for the caller (the secretary's branches, or every branch for the
 * committee), longest waiting first: a count and a page on indexes, then projects and names at once.
 */
export const inbox: Handler<'checkins', 'inbox'> = async ({ page, pageSize }, { caller }) => {
  const scope = approvalScope(caller)
  if (!scope) return ok({ items: [], page, pageSize, total: 0, hasMore: false })
  const { items, total } = await listInbox(scope, caller._id, page, pageSize)
  const [projects, names] = await Promise.all([
    getProjectOutlines(items.map((m) => m.projectId)),
    getPersonNames(items.flatMap((m) => (m.submittedBy ? [m.submittedBy] : []))),
  ])
  const today = chinaDay(new Date())
  const views = items.map((m): InboxItem => {
    const project = projects.get(m.projectId)
    const deadline = m.deadline ? formatDay(m.deadline) : null
    return {
      milestone: {
        id: m._id,
        title: m.title,
        weight: m.weight,
        deadline,
        dueState: dueState(deadline, false, today),
        round: m.round ?? 1,
      },
      project: { id: m.projectId, title: project?.title ?? '', branchName: project?.branchName ?? '' },
      task: { id: m.taskId, title: project?.tasks.find((t) => t.id === m.taskId)?.title ?? '' },
      submittedBy: personRef(m.submittedBy ?? null, names),
      submittedAt: m.submittedAt ? iso(m.submittedAt) : null,
      excerpt: excerpt(m.description ?? ''),
      evidenceCount: (m.evidence ?? []).length,
    }
  })
  return ok({ items: views, page, pageSize, total, hasMore: page * pageSize < total })
}
