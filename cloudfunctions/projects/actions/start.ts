import { planProblems } from '../../../domain/plan'
import { fail } from '../../../types/result'
import { getProject, listMilestones } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'
import { projectNotFound, transition } from '../../_shared/transition'

/** 开始实施, only once every task has people and every milestone the 五个明确. */
export const start: Handler<'projects', 'start'> = async ({ id }, { caller }) => {
  // Milestones cannot be read inside a WeChat transaction; the version check makes this read count.
  const [project, milestones] = await Promise.all([getProject(id), listMilestones(id)])
  if (!project) return projectNotFound()
  return transition({
    id,
    action: 'start',
    caller,
    expectVersion: project.version,
    step: (current) => {
      const problems = planProblems(current.tasks, milestones)
      if (problems.length === 0) return { ok: true }
      return fail(
        'INVALID_INPUT',
        `计划书还不完整，不能开始实施：${problems.map((p) => p.message).join('；')}`,
        problems.map((p) => ({ path: p.path, message: p.message })),
      )
    },
  })
}
