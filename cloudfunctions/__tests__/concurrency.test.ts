import { randomBytes } from 'node:crypto'
import { rollUpProgress } from '../../domain/projects'
import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { Result } from '../../types/result'
import { addLatency, data, guestCookie } from '../projects/__tests__/helpers'
import { addMilestone, dayAfter, fireSweep, messagesOf, setNow } from '../reminders/__tests__/helpers'

/**
 * Bursts of concurrent, conflicting calls through the gateway end in exactly one effect each. Every
 * database call is given a little latency so the calls really interleave.
 *
 * Covered elsewhere, not repeated here:
 * - one request id sent 10 times at once → one check-in, counted once: checkins/__tests__/create.test.ts
 * - a burst of check-ins, retries and refusals → counters equal a recount: checkins/__tests__/counters.test.ts
 * - two approvers of one milestone; approve against return; two milestones of one project at once:
 *   checkins/__tests__/review.test.ts
 * - two committee members approving one proposal: projects/__tests__/journey.test.ts
 * - two reminder sweeps at once (and across quiet hours): reminders/__tests__/concurrency.test.ts
 * - one post request id sent concurrently; concurrent reads of an announcement: groups/__tests__/posts.test.ts,
 *   groups/__tests__/reads.test.ts
 * - concurrent study heartbeats → one record, one person-time: lectures/__tests__/study.test.ts
 * - a crash in the middle of a burst: localcloud/__tests__/crash-safety.test.ts
 */
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  for (const id of ['p001', 'p004', 'p005', 'p036', 'p057', 'p058', 'p059', 'p060'])
    as[id] = await cloud.signIn(id)
})
afterAll(async () => {
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

/** Sends every call at once with latency on each database call; the replies in order. */
async function atOnce<T>(calls: (() => Promise<Result<T>>)[]): Promise<Result<T>[]> {
  const undo = addLatency(cloud, 2)
  try {
    return await Promise.all(calls.map((c) => c()))
  } finally {
    undo()
  }
}

const oks = <T>(results: Result<T>[]) => results.filter((r) => r.ok).length
const codes = <T>(results: Result<T>[]) => [...new Set(results.flatMap((r) => (r.ok ? [] : [r.code])))]
const one = (collection: string, id: string) => cloud.db.find(collection, { _id: id })[0]

describe('bursts of conflicting calls', () => {
  it('ten approvals of one milestone at once (double taps of the secretary and the committee) decide it once', async () => {
    const id = 'prj-001-m3'
    const version = one('projects', 'prj-001').version as number
    const approvers = ['p001', 'p057', 'p058', 'p059', 'p060']
    const results = await atOnce(
      [...approvers, ...approvers].map(
        (who) => () => cloud.call(as[who], 'checkins', 'approveMilestone', { id, comment: '同意' }),
      ),
    )
    expect(oks(results)).toBe(1)
    expect(codes(results)).toEqual(['CONFLICT'])
    expect(cloud.db.count('milestone_submissions', { milestoneId: id, action: 'approve' })).toBe(1)
    expect(one('milestones', id).status).toBe('approved')
    const milestones = cloud.db.find('milestones', { projectId: 'prj-001' })
    const progress = rollUpProgress(
      milestones.map((m) => ({ weight: m.weight as number, done: m.status === 'approved' })),
    )
    expect(one('projects', 'prj-001')).toMatchObject({ progress, version: version + 1 })
  })

  it('five submits of one milestone at once by its owner make one round', async () => {
    const id = 'prj-001-m4'
    const results = await atOnce(
      Array.from(
        { length: 5 },
        () => () => cloud.call(as.p005, 'checkins', 'submitMilestone', { id, description: '一票直达已推行' }),
      ),
    )
    expect(oks(results)).toBe(1)
    expect(codes(results)).toEqual(['CONFLICT'])
    expect(one('milestones', id)).toMatchObject({ status: 'submitted', round: 1 })
    expect(cloud.db.count('milestone_submissions', { milestoneId: id, action: 'submit' })).toBe(1)
  })

  it('approve, return and withdraw of one proposal at once: one of them happens, with one event', async () => {
    // prj-010 (调控中心) was submitted by its secretary p036.
    const id = 'prj-010'
    const before = {
      version: one('projects', id).version as number,
      events: cloud.db.count('project_events', { projectId: id }),
    }
    const results = await atOnce<unknown>([
      () => cloud.call(as.p057, 'projects', 'approve', { id }),
      () => cloud.call(as.p058, 'projects', 'return', { id, comment: '请补充问题导向' }),
      () => cloud.call(as.p036, 'projects', 'withdraw', { id }),
      () => cloud.call(as.p059, 'projects', 'approve', { id }),
      () => cloud.call(as.p036, 'projects', 'withdraw', { id }),
    ])
    expect(oks(results)).toBe(1)
    expect(codes(results)).toEqual(['CONFLICT'])
    const winner = results.find((r) => r.ok) as { ok: true; data: { status: string } }
    expect(one('projects', id)).toMatchObject({ status: winner.data.status, version: before.version + 1 })
    expect(cloud.db.count('project_events', { projectId: id })).toBe(before.events + 1)
  })

  it('eight ratings by one WeChat at once keep one rating, counted once; the others are told', async () => {
    // prj-009 was accepted twelve days before the seed's now: inside its 四公开 window at any hour.
    const guest = guestCookie(cloud, 'concurrency-guest')
    const before = one('projects', 'prj-009').rating as { count: number; sum: number }
    const results = await atOnce(
      [1, 2, 3, 4, 5, 4, 3, 2].map(
        (score) => () => cloud.call(guest, 'projects', 'rate', { id: 'prj-009', score }),
      ),
    )
    expect(oks(results)).toBe(1)
    expect(codes(results)).toEqual(['CONFLICT'])
    const mine = cloud.db.find('ratings', { projectId: 'prj-009', openid: 'concurrency-guest' })
    expect(mine).toHaveLength(1)
    expect(one('projects', 'prj-009').rating).toEqual({
      count: before.count + 1,
      sum: before.sum + (mine[0].score as number),
    })
  })

  it('eight comments with one request id at once add one comment, counted once', async () => {
    const postId = 'gp-demo-b-yunwei-g2-1'
    const before = one('group_posts', postId).commentCount as number
    const requestId = randomBytes(12).toString('hex')
    const results = await atOnce(
      Array.from(
        { length: 8 },
        () => () => cloud.call(as.p005, 'groups', 'comment', { postId, requestId, text: '向你学习。' }),
      ),
    )
    expect(oks(results)).toBe(8)
    expect(results.filter((r) => r.ok && r.data.created)).toHaveLength(1)
    expect(cloud.db.count('group_comments', { postId, requestId })).toBe(1)
    expect(one('group_posts', postId).commentCount).toBe(before + 1)
  })

  it('six pins at once on a board with room for four pin four, and the board agrees with the posts', async () => {
    const groupId = 'b-yunwei-g2'
    const notices: string[] = []
    for (let k = 0; k < 6; k++) {
      const res = await cloud.call(as.p001, 'groups', 'post', {
        groupId,
        requestId: randomBytes(12).toString('hex'),
        kind: 'announcement',
        text: `【通知】第${k + 1}项安排`,
        pin: false,
      })
      notices.push(data(res).post.id)
    }
    expect(one('group_boards', groupId).pinnedIds).toHaveLength(1)
    const results = await atOnce(
      notices.map((postId) => () => cloud.call(as.p001, 'groups', 'pin', { postId })),
    )
    expect(oks(results)).toBe(4)
    expect(codes(results)).toEqual(['CONFLICT'])
    const board = one('group_boards', groupId).pinnedIds as string[]
    const pinned = cloud.db.find('group_posts', { groupId, pinned: true }).map((p) => p._id)
    expect(board).toHaveLength(5)
    expect([...board].sort()).toEqual([...pinned].sort())
    expect(cloud.db.count('group_post_events', { groupId, action: 'pin', postId: { $in: notices } })).toBe(4)
  })

  it('a lecture published and then withdrawn from five hands at once changes once each way', async () => {
    const draft = data(
      await cloud.call(as.p001, 'lectures', 'saveDraft', {
        title: '并发测试讲坛',
        speaker: '王建国',
        summary: '简介',
        body: '<p>正文</p>',
      }),
    )
    const hands = ['p001', 'p057', 'p001', 'p058', 'p059']
    const published = await atOnce(
      hands.map((who) => () => cloud.call(as[who], 'lectures', 'publish', { id: draft.id })),
    )
    expect(oks(published)).toBe(1)
    expect(codes(published)).toEqual(['CONFLICT'])
    const withdrawn = await atOnce(
      hands.map((who) => () => cloud.call(as[who], 'lectures', 'withdraw', { id: draft.id })),
    )
    expect(oks(withdrawn)).toBe(1)
    expect(codes(withdrawn)).toEqual(['CONFLICT'])
    expect(cloud.db.count('lecture_events', { lectureId: draft.id, action: 'publish' })).toBe(1)
    expect(cloud.db.count('lecture_events', { lectureId: draft.id, action: 'withdraw' })).toBe(1)
    expect(one('lectures', draft.id)).toMatchObject({ status: 'withdrawn', version: 3 })
  })

  it('a plan saved while a milestone is approved never undoes the approval', async () => {
    // prj-002 (营销部): m3 of p011 waits for its secretary p008 or the committee.
    const p008 = await cloud.signIn('p008')
    const detail = data(await cloud.call(p008, 'projects', 'get', { id: 'prj-002' }))
    const plan = {
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
    const [saved, approved] = await atOnce<unknown>([
      () => cloud.call(p008, 'projects', 'savePlan', plan),
      () => cloud.call(as.p057, 'checkins', 'approveMilestone', { id: 'prj-002-m3' }),
    ])
    expect(approved.ok).toBe(true)
    if (!saved.ok) expect(saved.code).toBe('CONFLICT')
    expect(one('milestones', 'prj-002-m3').status).toBe('approved')
    expect(cloud.db.count('milestone_submissions', { milestoneId: 'prj-002-m3', action: 'approve' })).toBe(1)
  })

  it('five overlapping reminder sweeps write each reminder once', async () => {
    const NOW = '2031-05-06T02:00:00Z'
    setNow(NOW)
    for (let k = 1; k <= 3; k++)
      addMilestone(cloud, `burst-${k}`, k === 3 ? 'p006' : 'p002', dayAfter(NOW, k))
    const undo = addLatency(cloud, 2)
    const sweeps = await Promise.all(Array.from({ length: 5 }, () => fireSweep(cloud))).finally(undo)
    expect(sweeps.reduce((s, x) => s + x.written, 0)).toBe(3)
    const keys = messagesOf(cloud, { itemId: { $in: ['burst-1', 'burst-2', 'burst-3'] } }).map((m) => m.key)
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(3)
  })
})
