import { randomBytes } from 'node:crypto'
import type { ActionInput, ProjectDetail } from '../../../types/api'
import type { Result } from '../../../types/result'
import type { TestCloud } from '../../../localcloud/testing'

// Demo ids (localcloud/seed): p001 secretary of 运维部 (p002–p007 members), p015 secretary of 安质部,
// p036 secretary of 调控中心 (p037–p042), p043 secretary of 城区供电所 (p044–p049), p050 secretary of 东部供电所,
// p057–p060 committee (members of 机关). Projects: prj-010 submitted (调控中心), prj-011 draft (城区),
// prj-012 returned (东部), prj-006 approved (机关), prj-001 in progress (运维), prj-005 acceptance requested
// (安质), prj-009 closed (运维), prj-013 archived (机关).
export const SUBMITTED = 'prj-010'
export const DRAFT = 'prj-011'
export const RETURNED = 'prj-012'
export const APPROVED = 'prj-006'
export const IN_PROGRESS = 'prj-001'
export const ACCEPTANCE_REQUESTED = 'prj-005'
export const CLOSED = 'prj-009'
export const ARCHIVED = 'prj-013'

/** The data of a successful result, or a test failure naming the code and message. */
export function data<T>(res: Result<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${res.message}`)
  return res.data
}

/** A session for a WeChat user who is not registered as a person (职工群众), as the gateway would hold it. */
export function guestCookie(cloud: TestCloud, openid: string): string {
  const token = randomBytes(24).toString('hex')
  cloud.db.insertMany('sessions', [{ _id: token, token, personId: null, openid, createdAt: new Date() }])
  return `lc_session=${token}`
}

/** What a refusal must leave untouched: the project document and the number of documents around it. */
export function snapshot(cloud: TestCloud, projectId: string) {
  const count = (collection: string) => cloud.db.count(collection, { projectId })
  return {
    project: cloud.db.find('projects', { _id: projectId })[0],
    events: count('project_events'),
    versions: count('proposal_versions'),
    milestones: cloud.db.find('milestones', { projectId }, { sort: { order: 1 } }),
    ratings: count('ratings'),
  }
}

export const ANSWERS = {
  what: '组建党员抢修突击队，城区故障报修由党员带队抢修。',
  why: '城区报修响应慢，群众等不及修。',
  who: '城区供电所党支部书记负责，党员抢修骨干落实。',
  how: '建立党员抢修值班表，接报后30分钟内到场。',
  when: '2026年12月至2027年10月。',
  extent: '报修平均到场时间缩短一半，群众满意率95%以上。',
}

type PlanInput = ActionInput<'projects', 'savePlan'>

/** A complete plan (五个明确 everywhere) for a project of 城区供电所, deadlines in `year`. */
export function fullPlan(id: string, year = 2027): PlanInput {
  const milestone = (title: string, ownerId: string, deadline: string, weight: number) => ({
    title,
    weight,
    ownerId,
    deadline,
    qualityStandard: '有记录、有照片，经书记审核',
    expectedGoal: `${title}按期完成`,
  })
  return {
    id,
    tasks: [
      {
        title: '组建党员抢修突击队',
        assigneeIds: ['p044', 'p045'],
        milestones: [
          milestone('确定突击队名单', 'p044', `${year}-01-31`, 40),
          milestone('制定值班表', 'p045', `${year}-02-28`, 20),
        ],
      },
      {
        title: '限时到场抢修',
        assigneeIds: ['p046'],
        milestones: [milestone('抢修到场时间统计', 'p046', `${year}-09-30`, 40)],
      },
    ],
    checklist: [
      { text: '值班表公示', done: false },
      { text: '抢修记录归档', done: false },
    ],
  }
}

/**
 * Gives every database call a few milliseconds of latency, as the network does in WeChat. Without it the
 * in-process database answers at once and two "concurrent" calls never interleave. Returns the undo.
 */
export function addLatency(cloud: TestCloud, ms = 3): () => void {
  const db = cloud.db
  const handle = db.handle.bind(db)
  db.handle = async (api, params) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    return handle(api, params)
  }
  return () => {
    db.handle = handle
  }
}

/** Counts the database calls functions make (the gateway's own session lookups do not go through here). */
export function countCalls(cloud: TestCloud): { readonly calls: string[]; stop: () => void } {
  const db = cloud.db
  const handle = db.handle.bind(db)
  const calls: string[] = []
  db.handle = (api, params) => {
    calls.push(api)
    return handle(api, params)
  }
  return {
    calls,
    stop: () => {
      db.handle = handle
    },
  }
}

/** The savePlan payload that would store the plan a project page shows, unchanged. */
export function planOf(detail: ProjectDetail): PlanInput {
  return {
    id: detail.id,
    tasks: detail.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      assigneeIds: t.assignees.map((a) => a.id),
      milestones: t.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        weight: m.weight,
        ownerId: m.owner?.id ?? null,
        deadline: m.deadline,
        qualityStandard: m.qualityStandard,
        expectedGoal: m.expectedGoal,
      })),
    })),
    checklist: detail.checklist,
  }
}
