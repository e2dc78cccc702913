import type { Milestone, PlanTask } from '../types/entities'

/** The 五个明确 of a milestone, in the article's order, with the UI's words. */
export const FIVE_CLEAR = {
  weight: '进度（权重）',
  ownerId: '责任人',
  deadline: '时限要求',
  qualityStandard: '质量标准',
  expectedGoal: '预期目标',
} as const
export type FiveClearKey = keyof typeof FIVE_CLEAR

export type PlanMilestone = Pick<
  Milestone,
  'title' | 'weight' | 'ownerId' | 'deadline' | 'qualityStandard' | 'expectedGoal'
>

/** Which of the 五个明确 a milestone still lacks. */
export function missingFiveClear(m: PlanMilestone): FiveClearKey[] {
  const missing: FiveClearKey[] = []
  if (!(m.weight > 0)) missing.push('weight')
  if (!m.ownerId) missing.push('ownerId')
  if (!m.deadline) missing.push('deadline')
  if (!m.qualityStandard?.trim()) missing.push('qualityStandard')
  if (!m.expectedGoal?.trim()) missing.push('expectedGoal')
  return missing
}

export interface PlanProblem {
  taskId: string | null
  milestoneTitle: string | null
  /** Where the form shows it: `tasks`, `tasks.1` or `tasks.1.milestones.0` (the savePlan payload's shape). */
  path: string
  message: string
}

/** Everything that keeps a plan from starting; empty when it may start. */
export function planProblems(
  tasks: readonly PlanTask[],
  milestones: readonly (PlanMilestone & { taskId: string })[],
): PlanProblem[] {
  const problems: PlanProblem[] = []
  if (tasks.length === 0) {
    problems.push({ taskId: null, milestoneTitle: null, path: 'tasks', message: '计划书还没有任务' })
  }
  tasks.forEach((t, ti) => {
    const own = milestones.filter((m) => m.taskId === t.id)
    const task = { taskId: t.id, milestoneTitle: null, path: `tasks.${ti}` }
    if (own.length === 0) problems.push({ ...task, message: `任务“${t.title}”还没有里程碑` })
    if (t.assigneeIds.length === 0) problems.push({ ...task, message: `任务“${t.title}”还没有落实到人` })
    own.forEach((m, mi) => {
      const missing = missingFiveClear(m)
      if (missing.length) {
        problems.push({
          taskId: t.id,
          milestoneTitle: m.title,
          path: `tasks.${ti}.milestones.${mi}`,
          message: `里程碑“${m.title}”缺少：${missing.map((k) => FIVE_CLEAR[k]).join('、')}`,
        })
      }
    })
  })
  return problems
}
