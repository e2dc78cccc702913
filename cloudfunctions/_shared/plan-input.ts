import { checkDeadline } from '../../domain/dates'
import { EMPTY_REVIEW } from '../../domain/milestones'
import { planProblems } from '../../domain/plan'
import type { PlanProblem } from '../../domain/plan'
import { rollUpProgress } from '../../domain/projects'
import { isMemberOf } from '../../domain/roles'
import type { ActionParams } from '../../types/api'
import type {
  ChecklistItem,
  Milestone,
  MilestoneReview,
  Person,
  PlanTask,
  Project,
} from '../../types/entities'
import type { InputIssue } from '../../types/result'
import { newId } from './ids'

type PlanInput = ActionParams<'projects', 'savePlan'>

/** The plan as it will be stored. */
export interface BuiltPlan {
  tasks: PlanTask[]
  checklist: ChecklistItem[]
  milestones: Milestone[]
  /** The new and edited milestones: the only ones to write (each is one call inside the transaction). */
  changed: Milestone[]
  /** Ids of open milestones the new plan no longer holds. */
  removed: string[]
  progress: number
  problems: PlanProblem[]
}

const EDITABLE = ['taskId', 'order', 'title', 'weight', 'ownerId', 'qualityStandard', 'expectedGoal'] as const

/** The review state a plan edit carries over untouched (the version check makes the read of it current). */
const reviewOf = (m: Milestone | undefined): MilestoneReview => {
  if (!m) return { ...EMPTY_REVIEW, evidence: [] }
  const { round, submittedBy, submittedAt, description, evidence, decidedBy, decidedAt, lastComment } = {
    ...EMPTY_REVIEW,
    ...m,
  }
  return { round, submittedBy, submittedAt, description, evidence, decidedBy, decidedAt, lastComment }
}

const sameMilestone = (a: Milestone, b: Milestone): boolean =>
  EDITABLE.every((k) => a[k] === b[k]) && (a.deadline?.getTime() ?? null) === (b.deadline?.getTime() ?? null)

/** Everyone the payload names, to be looked up before the plan is checked. */
export const peopleNamed = (input: PlanInput): string[] => [
  ...new Set(
    input.tasks.flatMap((t) => [
      ...t.assigneeIds,
      ...t.milestones.flatMap((m) => (m.ownerId === null ? [] : [m.ownerId])),
    ]),
  ),
]

/**
 * Turns a savePlan payload into what is stored, or the issues that refuse it: ids must be this project's
 * own (new items get fresh ones), people members of its branch, deadlines real days in range; a milestone
 * that was ever submitted is never dropped. Approved milestones count as done in the progress.
 */
export function buildPlan(
  input: PlanInput,
  project: Project,
  existing: readonly Milestone[],
  people: ReadonlyMap<string, Pick<Person, '_id' | 'branchId' | 'grants'>>,
  now: Date,
): { ok: true; plan: BuiltPlan } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = []
  const seen = new Set<string>()
  const ownId = (id: string | undefined, known: boolean, path: string, prefix: string): string => {
    if (id === undefined) return newId(prefix)
    if (!known) issues.push({ path, message: '编号不属于这个项目' })
    else if (seen.has(id)) issues.push({ path, message: '编号重复' })
    seen.add(id)
    return id
  }
  const member = (id: string, path: string) => {
    const person = people.get(id)
    if (!person) issues.push({ path, message: '没有这个人' })
    else if (!isMemberOf(person, project.branchId))
      issues.push({ path, message: `不是${project.branchName}的党员` })
  }
  const before = new Map(existing.map((m) => [m._id, m]))
  const taskIds = new Set(project.tasks.map((t) => t.id))
  const tasks: PlanTask[] = []
  const milestones: Milestone[] = []

  input.tasks.forEach((t, ti) => {
    const at = `tasks.${ti}`
    const taskId = ownId(t.id, t.id !== undefined && taskIds.has(t.id), `${at}.id`, 't')
    t.assigneeIds.forEach((id, k) => member(id, `${at}.assigneeIds.${k}`))
    tasks.push({ id: taskId, title: t.title, assigneeIds: [...new Set(t.assigneeIds)] })
    t.milestones.forEach((m, mi) => {
      const path = `${at}.milestones.${mi}`
      const old = m.id === undefined ? undefined : before.get(m.id)
      const id = ownId(m.id, old !== undefined, `${path}.id`, 'm')
      if (m.ownerId !== null) member(m.ownerId, `${path}.ownerId`)
      let deadline: Date | null = null
      if (m.deadline !== null) {
        const checked = checkDeadline(m.deadline, project.createdAt)
        if (checked.ok) deadline = checked.date
        else issues.push({ path: `${path}.deadline`, message: checked.message })
      }
      milestones.push({
        ...reviewOf(old),
        _id: id,
        projectId: project._id,
        branchId: project.branchId,
        taskId,
        order: milestones.length,
        title: m.title,
        weight: m.weight,
        ownerId: m.ownerId ?? '',
        deadline,
        qualityStandard: m.qualityStandard,
        expectedGoal: m.expectedGoal,
        status: old?.status ?? 'open',
        updatedAt: now,
      })
    })
  })

  const kept = new Set(milestones.map((m) => m._id))
  const dropped = existing.filter((m) => !kept.has(m._id))
  for (const m of dropped.filter((d) => d.status !== 'open')) {
    issues.push({ path: 'tasks', message: `里程碑“${m.title}”已提交过成果，不能删除` })
  }

  const checklistIds = new Set(project.checklist.map((c) => c.id))
  const checklist = input.checklist.map((c, k) => ({
    id: ownId(c.id, c.id !== undefined && checklistIds.has(c.id), `checklist.${k}.id`, 'c'),
    text: c.text,
    done: c.done,
  }))

  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    plan: {
      tasks,
      checklist,
      milestones,
      changed: milestones.filter((m) => {
        const old = before.get(m._id)
        return !old || !sameMilestone(old, m)
      }),
      removed: dropped.map((m) => m._id),
      progress: rollUpProgress(milestones.map((m) => ({ weight: m.weight, done: m.status === 'approved' }))),
      problems: planProblems(tasks, milestones),
    },
  }
}
