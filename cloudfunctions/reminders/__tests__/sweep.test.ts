import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import {
  BRANCH,
  COMMITTEE,
  MILESTONE_TEMPLATE,
  SECRETARY,
  addMilestone,
  addLecture,
  addWaitingProject,
  dayAfter,
  fireSweep,
  ledger,
  messagesOf,
  outboxTo,
  setNow,
  subscribe,
  wechatCredits,
} from './helpers'

// Tuesday 2031-03-04, 10:00 in China: no digest, no quiet hours.
const NOW = '2031-03-04T02:00:00Z'
const HOUR = 3600 * 1000

let cloud: TestCloud
const as: Record<string, string> = {}
let summary: Awaited<ReturnType<typeof fireSweep>>
const logged: string[] = []

beforeAll(async () => {
  // The function's structured log lines, kept to check what they carry.
  const keep = (line: unknown) => void logged.push(String(line))
  jest.spyOn(console, 'log').mockImplementation(keep)
  jest.spyOn(console, 'error').mockImplementation(keep)
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p057']) as[id] = await cloud.signIn(id)
  setNow(NOW)
  addMilestone(cloud, 'rm-due', 'p002', dayAfter(NOW, 2))
  addMilestone(cloud, 'rm-late', 'p003', dayAfter(NOW, -3))
  addMilestone(cloud, 'rm-wait', 'p004', dayAfter(NOW, 10), {
    status: 'submitted',
    round: 1,
    submittedBy: 'p004',
    submittedAt: new Date(new Date(NOW).getTime() - 30 * HOUR),
  })
  addWaitingProject(cloud, 'prj-rm-1', 'prj-010', new Date(new Date(NOW).getTime() - 30 * HOUR), 'p036')
  addWaitingProject(cloud, 'prj-rm-2', 'prj-005', new Date(new Date(NOW).getTime() - 50 * HOUR), 'p057')
  addLecture(cloud, 'lec-rm-1', dayAfter(NOW, 1), ['p005'])
  addLecture(cloud, 'lec-rm-new', null, ['p006'], new Date(new Date(NOW).getTime() - HOUR))
  // p002 accepts the milestone template (WeChat and our ledger both hold a credit); p003's app told us of an
  // accept WeChat never recorded, so WeChat will answer 43101; nobody else subscribed.
  await subscribe(cloud, as.p002, [MILESTONE_TEMPLATE])
  const granted = await cloud.call(as.p003, 'messages', 'grantSubscriptions', {
    templateIds: [MILESTONE_TEMPLATE],
  })
  expect(granted).toMatchObject({
    ok: true,
    data: { credits: [{ templateId: MILESTONE_TEMPLATE, count: 1 }] },
  })
  summary = await fireSweep(cloud)
})
afterAll(async () => {
  setNow(null)
  await cloud.close()
  jest.restoreAllMocks()
})

const pages = (personId: string) =>
  messagesOf(cloud, { personId })
    .map((m) => `${m.kind} ${m.page}`)
    .sort()

describe('the reminders timer', () => {
  it('writes each due reminder into the right person’s message centre, pointing at the item', () => {
    expect(pages('p002')).toEqual([
      'lecture_due /packages/lectures/pages/detail/index?id=lec-rm-1',
      'lecture_new /packages/lectures/pages/detail/index?id=lec-rm-new',
      'milestone_due /pages/milestone-submit/index?id=rm-due',
    ])
    expect(pages('p003')).toEqual([
      'lecture_due /packages/lectures/pages/detail/index?id=lec-rm-1',
      'lecture_new /packages/lectures/pages/detail/index?id=lec-rm-new',
      'milestone_overdue /pages/milestone-submit/index?id=rm-late',
    ])
    expect(pages(SECRETARY)).toEqual([
      'approval_waiting /pages/submission/index?id=rm-wait',
      'lecture_due /packages/lectures/pages/detail/index?id=lec-rm-1',
      'milestone_escalated /pages/project/index?id=prj-001',
    ])
    // The committee: the proposal, and the acceptance request to everyone but p057, who requested it.
    for (const c of COMMITTEE) {
      expect(pages(c)).toEqual([
        ...(c === 'p057' ? [] : ['acceptance_waiting /pages/review/index?id=prj-rm-2']),
        'proposal_waiting /pages/project/index?id=prj-rm-1',
      ])
    }
  })

  it('reminds of a required lecture everyone of its audience who has not completed it', () => {
    const audience = cloud.db.find('people', { branchId: BRANCH }, { limit: 100 }).map((p) => p._id)
    const reminded = messagesOf(cloud, { kind: 'lecture_due' }).map((m) => m.personId)
    expect(reminded.sort()).toEqual(audience.filter((id) => id !== 'p005').sort())
  })

  it('tells the branch of a new lecture, in 消息 only (no template is configured for it)', () => {
    const audience = cloud.db.find('people', { branchId: BRANCH }, { limit: 100 }).map((p) => p._id)
    const told = messagesOf(cloud, { kind: 'lecture_new' })
    // Not its author (the secretary), nor p006, who has studied it already.
    expect(told.map((m) => m.personId).sort()).toEqual(
      audience.filter((id) => id !== 'p001' && id !== 'p006').sort(),
    )
    expect(told[0]).toMatchObject({
      page: '/packages/lectures/pages/detail/index?id=lec-rm-new',
      pushState: 'no_template',
      key: `lecture_new:${told[0].personId}:lec-rm-new:published`,
    })
  })

  it('says what is due in the message itself', () => {
    const [due] = messagesOf(cloud, { personId: 'p002', kind: 'milestone_due' })
    expect(due).toMatchObject({
      title: '里程碑即将到期',
      body: expect.stringContaining('「测试里程碑 rm-due」还有 2 天到期（2031年3月6日）'),
      read: false,
      key: 'milestone_due:p002:rm-due:2031-03-06',
    })
    const [late] = messagesOf(cloud, { personId: SECRETARY, kind: 'milestone_escalated' })
    expect(late.body).toMatch(/已逾期 3 天/)
  })

  it('pushes a subscribe message only to who holds a credit, and spends it', () => {
    const sent = outboxTo(cloud, 'p002')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      templateId: MILESTONE_TEMPLATE,
      page: 'pages/milestone-submit/index?id=rm-due',
      data: {
        thing1: { value: '测试里程碑 rm-due' },
        date2: { value: '2031年3月6日' },
        thing3: { value: expect.any(String) },
        phrase4: { value: '即将到期' },
      },
    })
    expect([ledger(cloud, 'p002'), wechatCredits(cloud, 'p002')]).toEqual([0, 0])
    expect(messagesOf(cloud, { personId: 'p002', kind: 'milestone_due' })[0]).toMatchObject({
      pushState: 'sent',
      pushReason: 'ok',
    })
    // No credit, no call: the in-app message is all there is.
    expect(outboxTo(cloud, SECRETARY)).toHaveLength(0)
    expect(messagesOf(cloud, { personId: SECRETARY, kind: 'approval_waiting' })[0].pushState).toBe(
      'no_credit',
    )
  })

  it('on 43101 keeps the in-app message, logs the failure and stops believing in the credit', () => {
    const [late] = messagesOf(cloud, { personId: 'p003', kind: 'milestone_overdue' })
    expect(late).toMatchObject({ pushState: 'failed', pushReason: '43101' })
    expect(outboxTo(cloud, 'p003')).toHaveLength(0)
    expect(ledger(cloud, 'p003')).toBe(0)
    const logs = cloud.db.find('reminder_log', {}, { sort: { outcome: 1 }, limit: 100 })
    expect(logs.map((l) => [l.outcome, l.personId, l.itemId, l.reason, l.messageId])).toEqual([
      ['failed', 'p003', 'rm-late', '43101', late._id],
      ['sent', 'p002', 'rm-due', 'ok', messagesOf(cloud, { personId: 'p002', kind: 'milestone_due' })[0]._id],
    ])
    // Pushes go out together, so their log lines come in the order WeChat answered: compare them as a set.
    const lines = logged
      .filter((l) => /"reminder_(sent|failed)"/.test(l))
      .map((l) => JSON.parse(l) as { event: string })
      .sort((a, b) => b.event.localeCompare(a.event))
    expect(lines).toEqual([
      expect.objectContaining({ event: 'reminder_sent', personId: 'p002', itemId: 'rm-due', reason: 'ok' }),
      expect.objectContaining({
        event: 'reminder_failed',
        personId: 'p003',
        itemId: 'rm-late',
        reason: '43101',
      }),
    ])
    // Ids only: no names, phone numbers or titles in either log.
    const people = cloud.db.find('people', { _id: { $in: ['p002', 'p003'] } })
    const text = JSON.stringify([logs, lines])
    for (const p of people)
      expect([text.includes(String(p.name)), text.includes(String(p.phone))]).toEqual([false, false])
    expect(text).not.toContain('测试里程碑')
  })

  it('reports what it did', () => {
    const written = cloud.db.count('messages')
    expect(summary).toMatchObject({ written, sent: 1, failed: 1, existing: 0, off: 0, truncated: false })
    const inAppOnly = cloud.db.count('messages', { kind: 'lecture_new' })
    expect([summary.noTemplate, summary.noCredit]).toEqual([inAppOnly, written - 2 - inAppOnly])
  })

  it('never sends the same reminder twice: a later sweep writes and pushes nothing again', async () => {
    await subscribe(cloud, as.p002, [MILESTONE_TEMPLATE])
    const before = cloud.db.count('messages')
    const lectures = cloud.db.count('messages', { kind: { $in: ['lecture_due', 'lecture_new'] } })
    setNow(new Date(new Date(NOW).getTime() + 10 * 60 * 1000).toISOString())
    const again = await fireSweep(cloud)
    setNow(NOW)
    // The lectures' audiences were gone through already (run markers): they are not even read again.
    expect(again).toMatchObject({ written: 0, sent: 0, failed: 0, existing: before - lectures })
    expect(cloud.db.count('messages')).toBe(before)
    expect(outboxTo(cloud, 'p002')).toHaveLength(1)
    expect(ledger(cloud, 'p002')).toBe(1)
  })

  it('shows the outbox and the failures on the localcloud dev page', async () => {
    const res = await fetch(`${cloud.url}/dev/outbox`)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('订阅消息发件箱')
    expect(html).toContain('pages/milestone-submit/index?id=rm-due')
    expect(html).toContain('43101 没有订阅额度')
  })
})

describe('who may start a sweep', () => {
  it('refuses a call from the app, even one dressed as a timer event', async () => {
    const res = await cloud.post('/fn/reminders', JSON.stringify({ Type: 'Timer', TriggerName: 'sweep' }), {
      cookie: as.p057,
    })
    expect(res.json).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('fires only triggers the function declares', async () => {
    await expect(cloud.fireTimer('reminders', 'other')).rejects.toThrow('没有名为 other 的定时触发器')
    await expect(cloud.fireTimer('messages', 'sweep')).rejects.toThrow()
  })
})
