import { averageRating } from '../../../domain/acceptance'
import { formatDay } from '../../../domain/dates'
import { isPublic } from '../../../domain/project-permissions'
import { ratingRefusal, ratingWindow } from '../../../domain/ratings'
import { fail, ok } from '../../../types/result'
import { readCategoryNames } from '../../_shared/repositories/guides'
import { getPersonNames } from '../../_shared/repositories/people'
import { getProject, getRating, listMilestones } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'

/** 四公开: content, goals and tasks, progress and effect; owners' names and nothing else personal. */
export const publicGet: Handler<'projects', 'publicGet'> = async ({ id }, { caller }) => {
  const [project, milestones, mine] = await Promise.all([
    getProject(id),
    listMilestones(id),
    getRating(id, caller.openid),
  ])
  if (!project || !isPublic(project)) return fail('NOT_FOUND', '没有找到公开的项目')
  const [names, categoryNames] = await Promise.all([
    getPersonNames(milestones.map((m) => m.ownerId)),
    readCategoryNames([project.year]),
  ])
  const accepted = project.status === 'closed' || project.status === 'archived'
  const window = ratingWindow(project, new Date())
  const closed = mine
    ? '你已评价，每个微信只能评价一次'
    : (ratingRefusal(caller) ?? (window.open ? null : window.reason))
  return ok({
    id: project._id,
    title: project.title,
    category: project.category,
    categoryLabel: categoryNames(project.year)[project.category],
    status: project.status,
    slogan: project.slogan,
    problem: project.problem,
    answers: project.answers,
    branchName: project.branchName,
    year: project.year,
    progress: project.progress,
    tasks: project.tasks.map((t) => ({
      title: t.title,
      milestones: milestones
        .filter((m) => m.taskId === t.id)
        .map((m) => ({
          title: m.title,
          ownerName: names.get(m.ownerId) ?? '',
          deadline: m.deadline ? formatDay(m.deadline) : null,
          status: m.status,
        })),
    })),
    // The effect is public once the committee has accepted it, not while the branch's claim is under review.
    effect: accepted ? (project.acceptance?.summary ?? null) : null,
    rating: {
      count: project.rating.count,
      average: averageRating(project.rating),
      mine: mine && { score: mine.score, comment: mine.comment },
      canRate: closed === null,
      closed,
      lastDay: window.lastDay,
    },
  })
}
