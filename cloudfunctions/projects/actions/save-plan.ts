import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { buildPlan, peopleNamed } from '../../_shared/plan-input'
import { getPeopleByIds } from '../../_shared/repositories/people'
import { getProject, listMilestones } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'
import { projectNotFound, refusal, transition } from '../../_shared/transition'

/** 计划书: replaces tasks, milestones and checklist at once; says what still keeps the plan from starting. */
export const savePlan: Handler<'projects', 'savePlan'> = async (params, { caller }) => {
  // Milestones and people cannot be read inside a WeChat transaction; the version check makes these reads count.
  const [project, existing] = await Promise.all([getProject(params.id), listMilestones(params.id)])
  if (!project) return projectNotFound()
  const refused = refusal(caller, 'save_plan', project)
  if (refused) return refused
  const people = new Map((await getPeopleByIds(peopleNamed(params))).map((p) => [p._id, p]))
  const built = buildPlan(params, project, existing, people, new Date())
  if (!built.ok) {
    const message = built.issues.slice(0, 3).map((i) => i.message)
    return fail('INVALID_INPUT', `计划书有误：${message.join('；')}`, built.issues)
  }
  const { plan } = built
  const res = await transition({
    id: project._id,
    action: 'save_plan',
    caller,
    expectVersion: project.version,
    step: () => ({
      ok: true,
      patch: { tasks: plan.tasks, checklist: plan.checklist, progress: plan.progress },
      write: async (t) => {
        const milestones = t.collection(COLLECTIONS.milestones)
        for (const { _id, ...fields } of plan.changed) await milestones.doc(_id).set({ data: fields })
        for (const id of plan.removed) await milestones.doc(id).remove()
      },
    }),
  })
  return res.ok ? ok({ ...res.data, planProblems: plan.problems.map((p) => p.message) }) : res
}
