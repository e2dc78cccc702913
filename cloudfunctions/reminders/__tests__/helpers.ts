import { EMPTY_REVIEW } from '../../../domain/milestones'
import type { Message, Milestone, Project } from '../../../types/entities'
import type { Lecture, LectureListing, LectureStudy } from '../../../types/entities-community'
import type { Result } from '../../../types/result'
import type { TestCloud } from '../../../localcloud/testing'
import type { SweepSummary } from '../deliver'

export { addLatency, countCalls, data } from '../../projects/__tests__/helpers'

// Demo ids (localcloud/seed): prj-001 运维部 (b-yunwei) in progress, secretary p001, members p002–p007;
// prj-010 submitted by 调控中心, prj-005 acceptance requested by 安质部; p057–p060 committee. The demo's own dates lie years before the clocks used
// here, so only what a test adds is due.
export const RUNNING = 'prj-001'
export const BRANCH = 'b-yunwei'
export const SECRETARY = 'p001'
export const COMMITTEE = ['p057', 'p058', 'p059', 'p060']
export const MILESTONE_TEMPLATE = 'tpl-milestone-deadline'

/** Pins the clock the functions act at (cloudfunctions/_shared/clock.ts); `null` gives back the real one. */
export function setNow(iso: string | null): void {
  if (iso === null) delete process.env.LOCALCLOUD_NOW
  else process.env.LOCALCLOUD_NOW = iso
}

const DAY = 24 * 3600 * 1000

/** A China day `days` after the day of `iso` (both as YYYY-MM-DD). */
export const dayAfter = (iso: string, days: number): string =>
  new Date(new Date(iso).getTime() + 8 * 3600 * 1000 + days * DAY).toISOString().slice(0, 10)

/** An open milestone of prj-001 owned by `ownerId`, due on `deadline` (YYYY-MM-DD). */
export function addMilestone(
  cloud: TestCloud,
  id: string,
  ownerId: string,
  deadline: string,
  over: Partial<Milestone> = {},
): Milestone {
  const m: Milestone = {
    ...EMPTY_REVIEW,
    _id: id,
    projectId: RUNNING,
    branchId: BRANCH,
    taskId: 't1',
    order: 90,
    title: `测试里程碑 ${id}`,
    weight: 0,
    ownerId,
    deadline: new Date(`${deadline}T00:00:00Z`),
    qualityStandard: '有记录',
    expectedGoal: '按期完成',
    status: 'open',
    updatedAt: new Date(),
    ...over,
  }
  cloud.db.insertMany('milestones', [m as unknown as Record<string, unknown>])
  return m
}

/**
 * A copy of the demo's submitted proposal (prj-010) or acceptance request (prj-005), waiting since `since`.
 */
export function addWaitingProject(
  cloud: TestCloud,
  id: string,
  like: 'prj-010' | 'prj-005',
  since: Date,
  submittedBy: string,
): void {
  const base = cloud.db.find('projects', { _id: like })[0] as unknown as Project
  const acceptance = base.acceptance ? { ...base.acceptance, requestedAt: since } : null
  cloud.db.insertMany('projects', [{ ...base, _id: id, submittedBy, updatedAt: since, acceptance }])
}

/**
 * A lecture published to 运维部 by its secretary at `publishedAt` (long ago unless given): required and due on
 * `deadline`, or optional when that is null; `completedBy` have finished it.
 */
export function addLecture(
  cloud: TestCloud,
  id: string,
  deadline: string | null,
  completedBy: string[],
  publishedAt = new Date('2020-01-01T00:00:00Z'),
): void {
  const due = deadline === null ? null : new Date(`${deadline}T00:00:00Z`)
  const now = publishedAt
  const lecture: Partial<Lecture> = {
    _id: id,
    title: `必学测试讲坛 ${id}`,
    speaker: '党委书记',
    summary: '简介',
    body: '<p>正文</p>',
    cover: null,
    media: null,
    audience: { scope: 'branches', branchIds: [BRANCH] },
    ownerBranchId: BRANCH,
    publisherName: '运维部党支部',
    required: due !== null,
    deadline: due,
    minStudySeconds: 60,
    quiz: null,
    status: 'published',
    version: 1,
    authorId: SECRETARY,
    authorName: '书记',
    publishedAt: now,
    withdrawnAt: null,
    createdAt: now,
    updatedAt: now,
  }
  const listing: LectureListing = {
    _id: `${id}:${BRANCH}`,
    lectureId: id,
    key: BRANCH,
    status: 'published',
    required: due !== null,
    deadline: due,
    publishedAt: now,
  }
  const studies = completedBy.map((personId): Partial<LectureStudy> => ({
    _id: `${id}:${personId}`,
    lectureId: id,
    personId,
    personName: personId,
    branchId: BRANCH,
    progress: 1,
    studySeconds: 120,
    counted: true,
    completed: true,
    completedAt: now,
    updatedAt: now,
  }))
  cloud.db.insertMany('lectures', [lecture as Record<string, unknown>])
  cloud.db.insertMany('lecture_listings', [listing as unknown as Record<string, unknown>])
  if (studies.length > 0) cloud.db.insertMany('lecture_studies', studies as Record<string, unknown>[])
}

/** Fires the `reminders` timer trigger the way localcloud's schedule does. */
export const fireSweep = async (cloud: TestCloud): Promise<SweepSummary> => {
  const res = (await cloud.fireTimer('reminders', 'sweep')) as Result<SweepSummary>
  if (!res.ok) throw new Error(`sweep failed: ${res.code} ${res.message}`)
  return res.data
}

export const messagesOf = (cloud: TestCloud, filter: Record<string, unknown>) =>
  cloud.db.find('messages', filter, { sort: { _id: 1 }, limit: 1000 }) as unknown as Message[]

export const outboxTo = (cloud: TestCloud, personId: string) =>
  cloud.db.find('_outbox', { touser: `demo-openid-${personId}` }, { limit: 1000 })

/** Our credit count for a person and template. */
export const ledger = (cloud: TestCloud, personId: string, templateId = MILESTONE_TEMPLATE): number =>
  Number(cloud.db.find('subscription_credits', { _id: `${personId}:${templateId}` })[0]?.count ?? 0)

/** WeChat's credit count (localcloud's stand-in) for a person and template. */
export const wechatCredits = (cloud: TestCloud, personId: string, templateId = MILESTONE_TEMPLATE): number =>
  Number(cloud.db.find('_subscribe_credits', { _id: `demo-openid-${personId}:${templateId}` })[0]?.count ?? 0)

/** What a tap on 允许 does: WeChat records the credit, then the app tells `messages.grantSubscriptions`. */
export async function subscribe(cloud: TestCloud, cookie: string, templateIds: string[]): Promise<void> {
  const res = await cloud.post('/dev/subscribe', JSON.stringify({ templateIds }), { cookie })
  if (res.status !== 200) throw new Error(`subscribe failed: ${res.status}`)
  const granted = await cloud.call(cookie, 'messages', 'grantSubscriptions', { templateIds })
  if (!granted.ok) throw new Error(`grantSubscriptions failed: ${granted.code}`)
}

/**
 * Members each with a milestone due tomorrow (ids `<prefix>-<n>`), every one holding one credit on both sides:
 * ours (subscription_credits) and WeChat's (localcloud's _subscribe_credits).
 */
export function dueWithCredits(
  cloud: TestCloud,
  owners: readonly string[],
  prefix: string,
  now: string,
): void {
  owners.forEach((p, i) => addMilestone(cloud, `${prefix}-${i}`, p, dayAfter(now, 1)))
  cloud.db.insertMany(
    'subscription_credits',
    owners.map((p) => ({
      _id: `${p}:${MILESTONE_TEMPLATE}`,
      personId: p,
      templateId: MILESTONE_TEMPLATE,
      count: 1,
    })),
  )
  cloud.db.insertMany(
    '_subscribe_credits',
    owners.map((p) => ({
      _id: `demo-openid-${p}:${MILESTONE_TEMPLATE}`,
      openid: `demo-openid-${p}`,
      templateId: MILESTONE_TEMPLATE,
      count: 1,
    })),
  )
}
