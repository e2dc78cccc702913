import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { Message } from '../../../types/entities'
import { data } from '../../projects/__tests__/helpers'
import { fireSweep, messagesOf, outboxTo, setNow } from './helpers'

// Demo ids (localcloud/seed): prj-001 运维部 (b-yunwei), secretary p001; milestone prj-001-m3 of p004 waits
// for approval on its second round; prj-010 is a proposal waiting for the committee (p057–p060); group
// b-yunwei-g2 holds p005. p008 is secretary of 营销部 (b-yingxiao).
const WAITING = 'prj-001-m3'
const REVIEW_TEMPLATE = 'tpl-review-result'
const NOTICE_TEMPLATE = 'tpl-group-notice'
// 10:00 China time: outside quiet hours, so a sweep pushes.
const DAYTIME = '2026-06-01T02:00:00.000Z'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p004', 'p005', 'p008', 'p057', 'p058']) as[id] = await cloud.signIn(id)
})
afterAll(() => {
  setNow(null)
  return cloud.close()
})

const ofKind = (personId: string, kind: string): Message[] => messagesOf(cloud, { personId, kind })

/** Both our credit ledger and WeChat's hold one credit of `templateId` for the person. */
function grant(personId: string, templateId: string): void {
  cloud.db.insertMany('subscription_credits', [
    { _id: `${personId}:${templateId}`, personId, templateId, count: 1 },
  ])
  cloud.db.insertMany('_subscribe_credits', [
    {
      _id: `demo-openid-${personId}:${templateId}`,
      openid: `demo-openid-${personId}`,
      templateId,
      count: 1,
    },
  ])
}

/** A fresh submission of p004's milestone (the demo's is decided by the first test that reaches it). */
async function resubmit(): Promise<void> {
  const m = cloud.db.find('milestones', { _id: WAITING })[0] as { status: string }
  if (m.status === 'submitted') return
  data(
    await cloud.call(as.p004, 'checkins', 'submitMilestone', {
      id: WAITING,
      description: '补充了班组意见征集的现场照片',
      evidence: [],
    }),
  )
}

describe('event notifications: evidence decided → the member', () => {
  it('writes 成果被退回 into the member’s 消息 at once, and the sweep pushes it once, spending one credit', async () => {
    grant('p004', REVIEW_TEMPLATE)
    data(await cloud.call(as.p001, 'checkins', 'returnMilestone', { id: WAITING, comment: '请补充现场照片' }))

    const [m] = ofKind('p004', 'milestone_returned')
    expect(m).toMatchObject({
      title: '成果被退回',
      page: `/pages/milestone-submit/index?id=${WAITING}`,
      read: false,
      templateId: REVIEW_TEMPLATE,
      pushState: 'deferred',
    })
    expect(m.body).toContain('请补充现场照片')
    const list = data(await cloud.call(as.p004, 'messages', 'list', {}))
    expect(list.items[0]).toMatchObject({ kind: 'milestone_returned', title: '成果被退回' })
    expect(outboxTo(cloud, 'p004')).toHaveLength(0)

    setNow(DAYTIME)
    await fireSweep(cloud)
    await fireSweep(cloud)
    expect(outboxTo(cloud, 'p004')).toEqual([
      expect.objectContaining({
        templateId: REVIEW_TEMPLATE,
        page: `pages/milestone-submit/index?id=${WAITING}`,
      }),
    ])
    expect(ofKind('p004', 'milestone_returned')[0]).toMatchObject({ pushState: 'sent' })
    expect(ofKind('p004', 'milestone_returned')).toHaveLength(1)
  })

  it('writes 成果已通过 on approval; without a credit it stays in 消息 only', async () => {
    await resubmit()
    data(await cloud.call(as.p001, 'checkins', 'approveMilestone', { id: WAITING }))
    expect(ofKind('p004', 'milestone_approved')).toEqual([
      expect.objectContaining({ title: '成果已通过', pushState: 'deferred' }),
    ])
    const before = outboxTo(cloud, 'p004').length
    await fireSweep(cloud)
    expect(ofKind('p004', 'milestone_approved')[0]).toMatchObject({ pushState: 'no_credit' })
    expect(outboxTo(cloud, 'p004')).toHaveLength(before)
  })

  it('writes nothing for a kind the member turned off', async () => {
    data(await cloud.call(as.p005, 'messages', 'saveSettings', { kinds: { milestone_returned: false } }))
    // p005 owns prj-001-m4: submit it, then the secretary returns it.
    data(
      await cloud.call(as.p005, 'checkins', 'submitMilestone', {
        id: 'prj-001-m4',
        description: '已完成',
        evidence: [],
      }),
    )
    data(await cloud.call(as.p001, 'checkins', 'returnMilestone', { id: 'prj-001-m4', comment: '补材料' }))
    expect(ofKind('p005', 'milestone_returned')).toEqual([])
  })

  it('costs the return no extra sequential round trip: the settings read and the write go alongside', async () => {
    data(
      await cloud.call(as.p005, 'checkins', 'submitMilestone', {
        id: 'prj-001-m4',
        description: '材料已补',
        evidence: [],
      }),
    )
    const traced = await cloud.callTraced(as.p001, 'checkins', 'returnMilestone', {
      id: 'prj-001-m4',
      comment: '仍缺签字',
    })
    expect(traced.result.ok).toBe(true)
    // Measured before the notice: 8. caller, start, milestone, project ‖ settings, milestone update,
    // record ‖ message, project update, commit: the notice adds two requests and no sequential trip.
    expect(traced.roundTrips).toBeLessThanOrEqual(8)
    expect(ofKind('p005', 'milestone_returned')).toEqual([])
  })
})

describe('event notifications: proposal decided → the secretary', () => {
  it('tells the secretary who sent it, with the committee’s comment', async () => {
    const project = cloud.db.find('projects', { _id: 'prj-010' })[0] as { submittedBy: string }
    data(await cloud.call(as.p057, 'projects', 'return', { id: 'prj-010', comment: '问题导向不够具体' }))
    const [m] = ofKind(project.submittedBy, 'proposal_decided')
    expect(m).toMatchObject({ title: '立项被退回', page: '/pages/project/index?id=prj-010' })
    expect(m.body).toContain('问题导向不够具体')
  })
})

describe('event notifications: a new announcement → the group', () => {
  const members = () =>
    (cloud.db.find('people', { groupId: 'b-yunwei-g2' }, { limit: 100 }) as { _id: string }[]).map(
      (p) => p._id,
    )

  it('tells every member but the author, once however often the post is retried', async () => {
    grant('p005', NOTICE_TEMPLATE)
    const payload = {
      groupId: 'b-yunwei-g2',
      requestId: 'notify-announcement-1',
      kind: 'announcement' as const,
      text: '周五下午三点在二楼会议室学习安全规程，请准时参加。',
      pin: false,
    }
    const first = data(await cloud.call(as.p001, 'groups', 'post', payload))
    data(await cloud.call(as.p001, 'groups', 'post', payload))
    const told = messagesOf(cloud, { kind: 'announcement_new', itemId: first.post.id })
    expect(told.map((m) => m.personId).sort()).toEqual(
      members()
        .filter((id) => id !== 'p001')
        .sort(),
    )
    expect(told[0]).toMatchObject({ page: `/packages/groups/pages/post/index?id=${first.post.id}` })

    await fireSweep(cloud)
    expect(outboxTo(cloud, 'p005').filter((o) => o.templateId === NOTICE_TEMPLATE)).toHaveLength(1)
  })

  it('提醒未读: tells those who have not read it, once a day', async () => {
    const post = data(
      await cloud.call(as.p001, 'groups', 'post', {
        groupId: 'b-yunwei-g2',
        requestId: 'notify-announcement-2',
        kind: 'announcement',
        text: '请各位党员本周内完成安全规程学习。',
        pin: false,
      }),
    ).post
    data(await cloud.call(as.p005, 'groups', 'markRead', { postId: post.id }))
    const before = data(await cloud.call(as.p001, 'groups', 'readers', { postId: post.id }))
    expect(before.remindedToday).toBe(false)

    const res = data(await cloud.call(as.p001, 'groups', 'remindUnread', { postId: post.id }))
    const told = messagesOf(cloud, { kind: 'announcement_unread', itemId: post.id }).map((m) => m.personId)
    expect(told).not.toContain('p005')
    expect(told.sort()).toEqual(before.unread.map((p) => p.id).sort())
    expect(res).toEqual({ postId: post.id, reminded: told.length, unread: before.unread.length })

    const again = await cloud.call(as.p001, 'groups', 'remindUnread', { postId: post.id })
    expect(again).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('今天已经提醒过'),
    })
    expect(messagesOf(cloud, { kind: 'announcement_unread', itemId: post.id })).toHaveLength(told.length)
    expect(data(await cloud.call(as.p001, 'groups', 'readers', { postId: post.id })).remindedToday).toBe(true)
  })

  it('refuses 提醒未读 to a member and to another branch’s secretary', async () => {
    const post = cloud.db.find('group_posts', { requestId: 'notify-announcement-2' })[0] as { _id: string }
    expect(await cloud.call(as.p005, 'groups', 'remindUnread', { postId: post._id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p008, 'groups', 'remindUnread', { postId: post._id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('event notifications: supervision → the branch’s secretary', () => {
  it('tells the secretary who supervises the branch', async () => {
    data(
      await cloud.call(as.p057, 'supervision', 'setAssignment', {
        personId: 'p058',
        branchId: 'b-yingxiao',
        assigned: false,
      }),
    )
    data(
      await cloud.call(as.p057, 'supervision', 'setAssignment', {
        personId: 'p058',
        branchId: 'b-yingxiao',
        assigned: true,
      }),
    )
    const [m] = ofKind('p008', 'supervision_assigned')
    expect(m.body).toContain('营销部')
    expect(ofKind('p001', 'supervision_assigned')).toEqual([])
  })

  it('tells the secretaries of the branches whose projects a spot check drew', async () => {
    const res = data(
      await cloud.call(as.p057, 'supervision', 'createSpotCheck', {
        requestId: 'notify-spot-check-1',
        size: 3,
      }),
    )
    const check = cloud.db.find('spot_checks', { _id: res.id })[0] as {
      picked: { projectId: string; branchId: string }[]
    }
    const told = messagesOf(cloud, { kind: 'spot_check_assigned' })
    expect(told.length).toBeGreaterThanOrEqual(check.picked.length)
    expect(new Set(told.map((m) => m.itemId))).toEqual(new Set(check.picked.map((p) => p.projectId)))
  })
})
