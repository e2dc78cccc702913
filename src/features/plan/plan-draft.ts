import type { ProjectDetail } from '@contract/api'
import { parseDay } from '@domain/dates'
import { planProblems } from '@domain/plan'
import type { MilestoneFields } from '@/features/projects'
import type { PlanInput } from './api/save-plan'

/** Rows get a local key for React; `id` is there once the function has stored them. */
export interface DraftMilestone extends MilestoneFields {
  key: string
  id?: string
}

export interface DraftTask {
  key: string
  id?: string
  title: string
  assigneeIds: string[]
  milestones: DraftMilestone[]
}

export interface DraftChecklistItem {
  key: string
  id?: string
  text: string
  done: boolean
}

/** The 计划书 while it is being edited. */
export interface PlanDraft {
  tasks: DraftTask[]
  checklist: DraftChecklistItem[]
}

let seq = 0
const newKey = () => `new-${++seq}`

export const emptyMilestone = (): DraftMilestone => ({
  key: newKey(),
  title: '',
  weight: 0,
  ownerId: null,
  deadline: null,
  qualityStandard: '',
  expectedGoal: '',
})

export const emptyTask = (): DraftTask => ({
  key: newKey(),
  title: '',
  assigneeIds: [],
  milestones: [emptyMilestone()],
})

export const emptyChecklistItem = (): DraftChecklistItem => ({ key: newKey(), text: '', done: false })

export function draftFromDetail(d: Pick<ProjectDetail, 'tasks' | 'checklist'>): PlanDraft {
  return {
    tasks: d.tasks.map((t) => ({
      key: t.id,
      id: t.id,
      title: t.title,
      assigneeIds: t.assignees.map((p) => p.id),
      milestones: t.milestones.map((m) => ({
        key: m.id,
        id: m.id,
        title: m.title,
        weight: m.weight,
        ownerId: m.owner?.id ?? null,
        deadline: m.deadline,
        qualityStandard: m.qualityStandard,
        expectedGoal: m.expectedGoal,
      })),
    })),
    checklist: d.checklist.map((c) => ({ key: c.id, id: c.id, text: c.text, done: c.done })),
  }
}

const withId = <T extends { id?: string }>(row: T) => (row.id ? { id: row.id } : {})

/** The savePlan payload: the whole plan, replacing what is stored. */
export function planPayload(projectId: string, draft: PlanDraft): PlanInput {
  return {
    id: projectId,
    tasks: draft.tasks.map((t) => ({
      ...withId(t),
      title: t.title.trim(),
      assigneeIds: t.assigneeIds,
      milestones: t.milestones.map((m) => ({
        ...withId(m),
        title: m.title.trim(),
        weight: m.weight,
        ownerId: m.ownerId,
        deadline: m.deadline,
        qualityStandard: m.qualityStandard,
        expectedGoal: m.expectedGoal,
      })),
    })),
    checklist: draft.checklist.map((c) => ({ ...withId(c), text: c.text.trim(), done: c.done })),
  }
}

/** Names every task, milestone and checklist line left blank: the plan cannot be stored with them. */
export function blankRows(draft: PlanDraft): string[] {
  const out: string[] = []
  draft.tasks.forEach((t, i) => {
    if (!t.title.trim()) out.push(`任务${i + 1}还没有名称`)
    t.milestones.forEach((m, j) => {
      if (!m.title.trim()) out.push(`任务${i + 1}的里程碑${j + 1}还没有名称`)
    })
  })
  draft.checklist.forEach((c, i) => {
    if (!c.text.trim()) out.push(`清单第${i + 1}项还没有内容`)
  })
  return out
}

/** What keeps this draft from starting, by the domain's rules, as the person edits. */
export function draftProblems(draft: PlanDraft): string[] {
  const tasks = draft.tasks.map((t) => ({
    id: t.key,
    title: t.title || '未命名任务',
    assigneeIds: t.assigneeIds,
  }))
  const milestones = draft.tasks.flatMap((t) =>
    t.milestones.map((m) => ({
      taskId: t.key,
      title: m.title || '未命名里程碑',
      weight: m.weight,
      ownerId: m.ownerId ?? '',
      deadline: m.deadline ? parseDay(m.deadline) : null,
      qualityStandard: m.qualityStandard,
      expectedGoal: m.expectedGoal,
    })),
  )
  return planProblems(tasks, milestones).map((p) => p.message)
}

export const totalWeight = (draft: PlanDraft): number =>
  draft.tasks.reduce((sum, t) => sum + t.milestones.reduce((s, m) => s + m.weight, 0), 0)
