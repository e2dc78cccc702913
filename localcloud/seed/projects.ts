import { DEFAULT_RUBRIC } from '../../domain/acceptance'
import { parseDay } from '../../domain/dates'
import { nextStatus } from '../../domain/lifecycle'
import { EMPTY_REVIEW } from '../../domain/milestones'
import { rollUpProgress } from '../../domain/projects'
import { PROJECT_STATUSES } from '../../types/entities'
import type {
  ChecklistItem,
  Milestone,
  MilestoneStatus,
  Person,
  PlanTask,
  Project,
  ProjectAction,
  ProjectEvent,
  ProjectStatus,
  ProposalVersion,
  Rating,
} from '../../types/entities'
import { buildDemoOrg } from './org'
import { DEMO_PROJECTS } from './project-content'
import type { DemoProject } from './project-content'

/** Everything the demo lifecycle stores, one array per collection. */
export interface DemoLifecycle {
  projects: Project[]
  milestones: Milestone[]
  events: ProjectEvent[]
  proposalVersions: ProposalVersion[]
  ratings: Rating[]
}

const DAY = 24 * 3600 * 1000
const QUALITY = [
  '有方案、有记录、有影像资料，台账完整',
  '按时完成，经支部书记审核签字',
  '党员参与率不低于90%，写实记录齐全',
  '问题整改闭环，群众评价良好',
]
const CHECKLIST = ['立项表、计划书存档', '任务分解落实到人', '党员作用发挥写实记录', '管理台账按月更新']
const RATING_SCORES = [5, 5, 4, 5, 4, 5, 3, 5, 4, 5]
const RATING_COMMENTS = ['党员服务很贴心', '', '效果看得见', '希望继续坚持', '']

const reached = (status: ProjectStatus, stage: ProjectStatus) =>
  PROJECT_STATUSES.indexOf(status) >= PROJECT_STATUSES.indexOf(stage)

/** The actions that brought a project to its status, in order. */
function historyOf(d: DemoProject): ProjectAction[] {
  const steps: ProjectAction[] = ['create']
  if (d.status === 'draft') return steps
  steps.push('submit')
  if (d.returnedWith) {
    steps.push('return')
    if (d.status === 'returned') return steps
    steps.push('submit')
  }
  if (!reached(d.status, 'approved')) return steps
  steps.push('approve', 'save_plan')
  if (reached(d.status, 'in_progress')) steps.push('start')
  if (reached(d.status, 'acceptance_requested')) steps.push('request_acceptance')
  if (reached(d.status, 'closed')) steps.push('accept')
  if (reached(d.status, 'archived')) steps.push('archive')
  return steps
}

/** Approved milestones add up to the project's progress; in a running project the next one awaits review. */
function milestoneStatuses(d: DemoProject, weights: readonly number[]): MilestoneStatus[] {
  let done = 0
  let waiting = d.status === 'in_progress'
  return weights.map((w) => {
    if (done + w <= d.progress && d.progress > 0) {
      done += w
      return 'approved'
    }
    if (waiting) {
      waiting = false
      return 'submitted'
    }
    return 'open'
  })
}

const COMMENTS: Partial<Record<ProjectAction, string>> = {
  approve: '同意立项，请按计划书抓好落实。',
  accept: '经听取汇报、调查走访、察看现场，同意结题。',
}

/**
 * The demo lifecycle: every project with its proposal, plan (五个明确), checklist, acceptance, score,
 * ratings and the events of its history, shaped after the seed article.
 */
export function buildDemoLifecycle(people: Person[], now: Date): DemoLifecycle {
  const branchNames = new Map(buildDemoOrg().units.map((u) => [u._id, u.name]))
  const committee = people.filter((p) => p.grants.some((g) => g.role === 'committee'))
  const out: DemoLifecycle = { projects: [], milestones: [], events: [], proposalVersions: [], ratings: [] }

  DEMO_PROJECTS.forEach((d, i) => {
    const id = `prj-${String(i + 1).padStart(3, '0')}`
    const secretary = people.find((p) =>
      p.grants.some((g) => g.role === 'secretary' && g.branchId === d.branchId),
    )
    if (!secretary) throw new Error(`demo branch ${d.branchId} has no secretary`)
    const members = people.filter((p) => p.branchId === d.branchId && p.grants.length === 1)
    const decider = committee[i % committee.length]
    const updatedAt = new Date(now.getTime() - i * 36 * 3600 * 1000)
    const createdAt = new Date(Math.min(Date.UTC(d.year, 1 + (i % 3), 3 + i), updatedAt.getTime() - 30 * DAY))
    const [what, why, who, how, when, extent] = d.answers
    const proposal = {
      title: d.title,
      category: d.category,
      slogan: d.slogan,
      problem: d.problem,
      answers: { what, why, who, how, when, extent },
    }

    const history = historyOf(d)
    const span = updatedAt.getTime() - createdAt.getTime()
    const timeOf = (k: number) =>
      new Date(
        history.length === 1 ? createdAt.getTime() : createdAt.getTime() + (span * k) / (history.length - 1),
      )
    const timeOfAction = (a: ProjectAction) => timeOf(history.lastIndexOf(a))
    let status = 'draft' as ProjectStatus
    let submits = 0
    for (const [k, action] of history.entries()) {
      const from = action === 'create' ? null : status
      if (from !== null) {
        const next = nextStatus(from, action)
        if (!next.ok) throw new Error(`demo history of ${id}: ${action} from ${from}`)
        status = next.to
      }
      const byCommittee = action === 'approve' || action === 'accept' || action === 'archive'
      const actor =
        action === 'return' ? committee[(i + 1) % committee.length] : byCommittee ? decider : secretary
      out.events.push({
        _id: `${id}-e${k + 1}`,
        projectId: id,
        action,
        from,
        to: status,
        actorId: actor._id,
        actorName: actor.name,
        comment: action === 'return' ? (d.returnedWith ?? '') : (COMMENTS[action] ?? ''),
        at: timeOf(k),
      })
      if (action === 'submit') {
        submits += 1
        out.proposalVersions.push({
          _id: `${id}-v${submits}`,
          projectId: id,
          version: submits,
          proposal,
          // The links to the 2026 survey's problems are made by the guide's seed (guide.ts), which fills these in.
          problemIds: [],
          submittedBy: secretary._id,
          at: timeOf(k),
        })
      }
    }
    if (status !== d.status) throw new Error(`demo history of ${id} ends at ${status}, not ${d.status}`)

    const tasks: PlanTask[] = []
    const milestones: Milestone[] = []
    if (d.plan) {
      const statuses = milestoneStatuses(d, d.plan.weights)
      d.plan.tasks.forEach(([title, ms], ti) => {
        const taskId = `t${ti + 1}`
        tasks.push({ id: taskId, title, assigneeIds: [members[ti * 2]._id, members[ti * 2 + 1]._id] })
        ms.forEach(([mTitle, goal], mi) => {
          const n = milestones.length
          milestones.push({
            ...EMPTY_REVIEW,
            evidence: [],
            _id: `${id}-m${n + 1}`,
            projectId: id,
            branchId: d.branchId,
            taskId,
            order: n,
            title: mTitle,
            weight: d.plan?.weights[n] ?? 0,
            ownerId: members[ti * 2 + mi]._id,
            deadline: parseDay(d.plan?.deadlines[n] ?? ''),
            qualityStandard: QUALITY[n % QUALITY.length],
            expectedGoal: goal,
            status: statuses[n],
            updatedAt,
          })
        })
      })
      const rolled = rollUpProgress(
        milestones.map((m) => ({ weight: m.weight, done: m.status === 'approved' })),
      )
      if (rolled !== d.progress)
        throw new Error(`demo plan of ${id} rolls up to ${rolled}, not ${d.progress}`)
    }
    const doneItems = reached(d.status, 'acceptance_requested')
      ? CHECKLIST.length
      : d.status === 'in_progress'
        ? 2
        : 1
    const checklist: ChecklistItem[] = d.plan
      ? CHECKLIST.map((text, k) => ({ id: `c${k + 1}`, text, done: k < doneItems }))
      : []

    const ratings: Rating[] = Array.from({ length: d.ratings ?? 0 }, (_, k) => {
      const openid = `demo-public-${String(k + 1).padStart(3, '0')}`
      return {
        _id: `${id}:${openid}`,
        projectId: id,
        openid,
        score: RATING_SCORES[(k + i) % RATING_SCORES.length],
        comment: RATING_COMMENTS[k % RATING_COMMENTS.length],
        at: new Date(timeOfAction('accept').getTime() + (k + 1) * 3600 * 1000),
      }
    })
    out.ratings.push(...ratings)
    out.milestones.push(...milestones)

    const scores = d.score && {
      measures: d.score[0],
      plan: d.score[1],
      effect: d.score[2],
      innovation: d.score[3],
    }
    out.projects.push({
      _id: id,
      ...proposal,
      branchId: d.branchId,
      branchName: branchNames.get(d.branchId) ?? '',
      year: d.year,
      status: d.status,
      ownerId: secretary._id,
      progress: d.progress,
      version: 1,
      tasks,
      checklist,
      submittedBy: d.status === 'submitted' || d.status === 'acceptance_requested' ? secretary._id : null,
      acceptance: d.acceptance
        ? {
            summary: d.acceptance,
            evidence: [],
            requestedBy: secretary._id,
            requestedAt: timeOfAction('request_acceptance'),
          }
        : null,
      score: scores
        ? {
            rubric: [...DEFAULT_RUBRIC],
            scores,
            total: Object.values(scores).reduce((a, b) => a + b, 0),
            comment: COMMENTS.accept ?? '',
            scoredBy: decider._id,
            scoredAt: timeOfAction('accept'),
          }
        : null,
      rating: { count: ratings.length, sum: ratings.reduce((s, r) => s + r.score, 0) },
      createdAt,
      updatedAt,
    })
  })
  return out
}

/** The demo projects alone. */
export const buildDemoProjects = (people: Person[], now: Date): Project[] =>
  buildDemoLifecycle(people, now).projects
