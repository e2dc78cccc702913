import type { CheckinCount, Milestone, Project } from '../types/entities'
import type {
  Rectification,
  RectificationAction,
  RectificationStatus,
  SpotCheck,
} from '../types/entities-supervision'
import { weekOf } from './checkin-counts'
import { dueState } from './checkins'
import { formatDay } from './dates'
import type { Actor } from './roles'
import { isCommittee, isSecretaryOf, secretaryBranches } from './roles'

/**
 * 分片督导 and 随机抽查 are the committee's: it assigns branches to its members, draws spot checks, records
 * findings, sets and closes rectification tasks. Secretaries see the checks of their branch and report
 * their rectifications done.
 */
export const canSupervise = (actor: Actor): boolean => isCommittee(actor)

/** The branches a person is secretary of, sorted, each once: the order spot checks and 我的支部 list them. */
export const sortedSecretaryBranches = (actor: Actor): string[] => secretaryBranches(actor).sort()

/** Which spot checks a person sees: all (committee), those that picked their branches (secretary), none. */
export type SpotCheckScope = { all: true } | { all: false; branchIds: string[] }

export function spotCheckScope(actor: Actor): SpotCheckScope | null {
  if (isCommittee(actor)) return { all: true }
  const branchIds = sortedSecretaryBranches(actor)
  return branchIds.length > 0 ? { all: false, branchIds } : null
}

export const canSeeSpotCheck = (actor: Actor, check: Pick<SpotCheck, 'branchIds'>): boolean =>
  isCommittee(actor) || check.branchIds.some((b) => isSecretaryOf(actor, b))

const FLOW: Record<
  Exclude<RectificationAction, 'create'>,
  { from: RectificationStatus; to: RectificationStatus; by: 'secretary' | 'committee' }
> = {
  complete: { from: 'open', to: 'done', by: 'secretary' },
  confirm: { from: 'done', to: 'confirmed', by: 'committee' },
  reopen: { from: 'done', to: 'open', by: 'committee' },
}

export type RectificationDenial = 'FORBIDDEN' | 'OWN_SUBMISSION' | 'ILLEGAL_TRANSITION'

/**
 * Where a rectification goes when `actor` takes `action`, or why not: the branch's secretary reports it
 * done, the committee confirms or reopens it, and nobody confirms what they reported themselves.
 */
export function rectificationStep(
  actor: Actor,
  action: Exclude<RectificationAction, 'create'>,
  r: Pick<Rectification, 'status' | 'branchId' | 'doneBy'>,
): { ok: true; to: RectificationStatus } | { ok: false; reason: RectificationDenial } {
  const step = FLOW[action]
  const allowed = step.by === 'committee' ? isCommittee(actor) : isSecretaryOf(actor, r.branchId)
  if (!allowed) return { ok: false, reason: 'FORBIDDEN' }
  if (step.by === 'committee' && r.doneBy === actor._id) return { ok: false, reason: 'OWN_SUBMISSION' }
  if (r.status !== step.from) return { ok: false, reason: 'ILLEGAL_TRANSITION' }
  return { ok: true, to: step.to }
}

/** What `actor` may do with a rectification now, in the order the page offers it. */
export const rectificationActions = (
  actor: Actor,
  r: Pick<Rectification, 'status' | 'branchId' | 'doneBy'>,
): RectificationAction[] =>
  (['complete', 'confirm', 'reopen'] as const).filter((a) => rectificationStep(actor, a, r).ok)

/** 已逾期: past its deadline day (China) and not yet confirmed closed. */
export const isRectificationOverdue = (
  r: Pick<Rectification, 'status' | 'deadline'>,
  today: string,
): boolean => dueState(formatDay(r.deadline), r.status === 'confirmed', today) === 'overdue'

/** The id of the assignment of one committee member to one branch. */
export const assignmentId = (personId: string, branchId: string): string => `${personId}:${branchId}`

/** Project states a supervisor follows: being implemented, or waiting for acceptance. */
export const SUPERVISED_STATUSES = ['in_progress', 'acceptance_requested'] as const

/** Milestones past their deadline day and not approved, per project. */
export function overdueByProject(
  milestones: readonly Pick<Milestone, 'projectId' | 'deadline' | 'status'>[],
  today: string,
): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of milestones) {
    const deadline = m.deadline ? formatDay(m.deadline) : null
    if (dueState(deadline, m.status === 'approved', today) === 'overdue')
      out.set(m.projectId, (out.get(m.projectId) ?? 0) + 1)
  }
  return out
}

/** One branch's supervised projects, most overdue first, then by least progress, then by id. */
export function supervisedProjects<P extends Pick<Project, '_id' | 'progress'>>(
  projects: readonly P[],
  overdue: Map<string, number>,
): (P & { overdueMilestones: number })[] {
  return projects
    .map((p) => ({ ...p, overdueMilestones: overdue.get(p._id) ?? 0 }))
    .sort(
      (a, b) =>
        b.overdueMilestones - a.overdueMilestones ||
        a.progress - b.progress ||
        (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
    )
}

/** A running project with no check-in for this many days is at risk (我的联系支部). */
export const QUIET_DAYS = 14

/**
 * The first week (its Monday) whose check-in counters the quiet rule reads on `today`: the week holding the
 * 14th day back. A project is quiet when none of these weeks counted a check-in, so a quiet project truly has
 * had none for 14 days; one whose last check-in was 14 to 20 days ago is flagged at the latest a week later.
 */
export const quietWindowStart = (today: string): string =>
  weekOf(
    new Date(Date.parse(`${today}T00:00:00Z`) - (QUIET_DAYS - 1) * 86_400_000).toISOString().slice(0, 10),
  )

/** The running projects with no check-in counted since `quietWindowStart` (from project_week counters). */
export function quietProjects(
  projects: readonly Pick<Project, '_id' | 'status'>[],
  weeks: readonly Pick<CheckinCount, 'projectId' | 'count'>[],
): Set<string> {
  const active = new Set(weeks.filter((w) => w.count > 0).map((w) => w.projectId))
  return new Set(projects.filter((p) => p.status === 'in_progress' && !active.has(p._id)).map((p) => p._id))
}
