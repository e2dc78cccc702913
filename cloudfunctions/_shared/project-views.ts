import { formatDay } from '../../domain/dates'
import type { Milestone, MilestoneRecord, PlanTask, Project, ProjectEvent } from '../../types/entities'
import type {
  MilestoneView,
  PersonRef,
  ProjectEventView,
  ProjectSummary,
  ProjectWorkView,
  TaskView,
} from '../../types/functions/projects'
import type { YearCategoryNames } from './repositories/guides'
import type { RecentCheckin } from './repositories/projects'

export const iso = (d: Date): string => new Date(d).toISOString()

export const personRef = (id: string | null, names: Map<string, string>): PersonRef | null => {
  const name = id ? names.get(id) : undefined
  return id && name !== undefined ? { id, name } : null
}

/** Everyone a page of the plan names: the owner, assignees and milestone owners. */
export const peopleOfPlan = (project: Project, milestones: readonly Milestone[]): string[] => [
  project.ownerId,
  ...project.tasks.flatMap((t) => t.assigneeIds),
  ...milestones.map((m) => m.ownerId),
]

/** A project as lists show it, its category named as its year's guide names it. */
export function toSummary(p: Project, names: YearCategoryNames): ProjectSummary {
  return {
    id: p._id,
    title: p.title,
    category: p.category,
    categoryLabel: names(p.year)[p.category],
    status: p.status,
    slogan: p.slogan,
    branchId: p.branchId,
    branchName: p.branchName,
    year: p.year,
    progress: p.progress,
    updatedAt: iso(p.updatedAt),
  }
}

export function toMilestoneView(m: Milestone, names: Map<string, string>): MilestoneView {
  return {
    id: m._id,
    taskId: m.taskId,
    title: m.title,
    weight: m.weight,
    owner: personRef(m.ownerId, names),
    deadline: m.deadline ? formatDay(m.deadline) : null,
    qualityStandard: m.qualityStandard,
    expectedGoal: m.expectedGoal,
    status: m.status,
  }
}

/** Tasks in plan order, each with its milestones in plan order. */
export function toTaskViews(
  tasks: readonly PlanTask[],
  milestones: readonly Milestone[],
  names: Map<string, string>,
): TaskView[] {
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    assignees: t.assigneeIds.flatMap((id) => personRef(id, names) ?? []),
    milestones: milestones.filter((m) => m.taskId === t.id).map((m) => toMilestoneView(m, names)),
  }))
}

/** Milestone reviews and check-ins as the timeline shows them, newest first. */
export function toWorkViews(
  reviews: readonly MilestoneRecord[],
  checkins: readonly RecentCheckin[],
  milestones: readonly Pick<Milestone, '_id' | 'title'>[],
): ProjectWorkView[] {
  const titles = new Map(milestones.map((m) => [m._id, m.title]))
  const work: (ProjectWorkView & { time: number })[] = [
    ...reviews.map((r) => ({
      id: r._id,
      kind: 'milestone' as const,
      action: r.action,
      title: titles.get(r.milestoneId) ?? '',
      actorName: r.actorName,
      comment: r.action === 'submit' ? r.description : r.comment,
      at: iso(r.at),
      time: new Date(r.at).getTime(),
    })),
    ...checkins.map((c) => ({
      id: c._id,
      kind: 'checkin' as const,
      action: null,
      title: c.milestoneTitle ? `${c.taskTitle} · ${c.milestoneTitle}` : c.taskTitle,
      actorName: c.personName,
      comment: c.text,
      at: iso(c.at),
      time: new Date(c.at).getTime(),
    })),
  ]
  return work.sort((a, b) => b.time - a.time).map(({ time: _time, ...w }) => w)
}

/** What every audit event shows (a project's or a supervision subject's): who did what, from what to what, when. */
interface StoredEvent<A, F, T> {
  _id: string
  action: A
  from: F
  to: T
  actorName: string
  comment: string
  at: Date
}

export const eventFields = <A, F, T>(e: StoredEvent<A, F, T>) => ({
  id: e._id,
  action: e.action,
  from: e.from,
  to: e.to,
  actorName: e.actorName,
  comment: e.comment,
  at: iso(e.at),
})

export const toEventView = (e: ProjectEvent): ProjectEventView => eventFields(e)
