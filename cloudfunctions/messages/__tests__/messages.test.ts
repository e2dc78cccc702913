import { REMINDER_KINDS } from '../../../types/entities'
import type { Message } from '../../../types/entities'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { countCalls, data, guestCookie } from '../../projects/__tests__/helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

const T0 = Date.parse('2031-03-04T02:00:00Z')

/** A message as the sweep writes it, `minutes` after T0. */
const message = (personId: string, n: number, over: Partial<Message> = {}): Message => ({
  _id: `rm-test-${personId}-${String(n).padStart(2, '0')}`,
  key: `milestone_due:${personId}:m${n}:2031-03-05`,
  kind: 'milestone_due',
  personId,
  itemId: `m${n}`,
  title: '里程碑即将到期',
  body: `第 ${n} 条`,
  page: `/pages/milestone-submit/index?id=m${n}`,
  values: { title: `m${n}` },
  read: false,
  readAt: null,
  createdAt: new Date(T0 + n * 60_000),
  templateId: 'tpl-milestone-deadline',
  pushState: 'no_credit',
  pushReason: '',
  pushAt: null,
  sweepId: 'sw-test',
  ...over,
})

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p057']) as[id] = await cloud.signIn(id)
  // p002: 25 messages, the first five read; two share an instant (ties are broken by id). p003: one.
  const mine = Array.from({ length: 25 }, (_, i) => message('p002', i, i < 5 ? { read: true } : {}))
  mine[24].createdAt = mine[23].createdAt
  cloud.db.insertMany('messages', [...mine, message('p003', 0)] as unknown as Record<string, unknown>[])
})
afterAll(() => cloud.close())

describe('messages.list', () => {
  it('pages the caller’s messages newest first with the unread count, and nobody else’s', async () => {
    const first = data(await cloud.call(as.p002, 'messages', 'list', { limit: 10 }))
    expect(first.unread).toBe(20)
    expect(first.items.map((m) => m.body)).toEqual(
      [24, 23, 22, 21, 20, 19, 18, 17, 16, 15].map((n) => `第 ${n} 条`),
    )
    expect(first.items[0]).toEqual({
      id: 'rm-test-p002-24',
      kind: 'milestone_due',
      title: '里程碑即将到期',
      body: '第 24 条',
      page: '/pages/milestone-submit/index?id=m24',
      read: false,
      createdAt: new Date(T0 + 23 * 60_000).toISOString(),
    })
    const seen = [...first.items]
    let cursor = first.nextCursor
    while (cursor) {
      const page = data(await cloud.call(as.p002, 'messages', 'list', { limit: 10, cursor }))
      seen.push(...page.items)
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(25)
    expect(new Set(seen.map((m) => m.id)).size).toBe(25)
    expect(seen.every((m) => m.id.startsWith('rm-test-p002-'))).toBe(true)
  })

  it('shows someone without messages an empty list', async () => {
    expect(data(await cloud.call(as.p001, 'messages', 'list', {}))).toEqual({
      items: [],
      nextCursor: null,
      unread: 0,
    })
  })

  it('reads one index page and counts on another', async () => {
    const counter = countCalls(cloud)
    data(await cloud.call(as.p002, 'messages', 'list', {}))
    counter.stop()
    expect(counter.calls.sort()).toEqual([
      'database.calculateDocument',
      'database.getDocument',
      'database.getDocument',
    ])
  })
})

describe('messages.unreadCount and markRead', () => {
  it('marks one read, then all, and the badge follows', async () => {
    expect(data(await cloud.call(as.p002, 'messages', 'unreadCount', {}))).toEqual({ count: 20 })
    expect(data(await cloud.call(as.p002, 'messages', 'markRead', { id: 'rm-test-p002-10' }))).toEqual({
      marked: 1,
      unread: 19,
    })
    // Again: nothing changes, and it is not an error.
    expect(data(await cloud.call(as.p002, 'messages', 'markRead', { id: 'rm-test-p002-10' }))).toEqual({
      marked: 0,
      unread: 19,
    })
    expect(cloud.db.find('messages', { _id: 'rm-test-p002-10' })[0]).toMatchObject({ read: true })
    expect(data(await cloud.call(as.p002, 'messages', 'markRead', { all: true }))).toEqual({
      marked: 19,
      unread: 0,
    })
    expect(data(await cloud.call(as.p002, 'messages', 'unreadCount', {}))).toEqual({ count: 0 })
    expect(data(await cloud.call(as.p003, 'messages', 'unreadCount', {}))).toEqual({ count: 1 })
  })

  it('refuses someone else’s message as if it did not exist, and changes nothing', async () => {
    expect(await cloud.call(as.p002, 'messages', 'markRead', { id: 'rm-test-p003-00' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '没有找到这条消息',
    })
    expect(await cloud.call(as.p002, 'messages', 'markRead', { id: 'rm-nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(cloud.db.find('messages', { _id: 'rm-test-p003-00' })[0]).toMatchObject({ read: false })
  })

  it.each([
    ['both an id and all', { id: 'rm-test-p002-01', all: true }],
    ['neither', {}],
    ['all: false', { all: false }],
    ['a malformed id', { id: '../etc' }],
  ])('refuses %s', async (_what, payload) => {
    expect(await cloud.call(as.p002, 'messages', 'markRead', payload as never)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})

describe('refusals', () => {
  it.each([
    ['a malformed cursor', 'list', { cursor: 'abc' }],
    ['a page too large', 'list', { limit: 51 }],
    ['unknown fields', 'unreadCount', { personId: 'p003' }],
  ] as const)('refuses %s', async (_what, action, payload) => {
    expect(await cloud.call(as.p002, 'messages', action, payload as never)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  it('answers only registered members and unknown actions with their codes', async () => {
    const guest = guestCookie(cloud, 'someone-unregistered')
    expect(await cloud.call(guest, 'messages', 'list', {})).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    })
    expect(await cloud.call(null, 'messages', 'list', {})).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
    expect(await cloud.call(as.p002, 'messages', 'sweepNow' as never, {} as never)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })
})

describe('settings', () => {
  it('offers each person the kinds their roles receive, all on', async () => {
    const member = data(await cloud.call(as.p002, 'messages', 'getSettings', {}))
    expect(member).toEqual({
      kinds: [
        { kind: 'milestone_due', on: true, templateId: 'tpl-milestone-deadline' },
        { kind: 'milestone_overdue', on: true, templateId: 'tpl-milestone-deadline' },
        { kind: 'lecture_new', on: true, templateId: null },
        { kind: 'lecture_due', on: true, templateId: 'tpl-study-reminder' },
        { kind: 'lecture_overdue', on: true, templateId: 'tpl-study-reminder' },
        { kind: 'milestone_approved', on: true, templateId: 'tpl-review-result' },
        { kind: 'milestone_returned', on: true, templateId: 'tpl-review-result' },
        { kind: 'announcement_new', on: true, templateId: 'tpl-group-notice' },
        { kind: 'announcement_unread', on: true, templateId: 'tpl-group-notice' },
        { kind: 'follow_up_assigned', on: true, templateId: null },
        { kind: 'org_changed', on: true, templateId: null },
      ],
      quietHours: { start: '22:00', end: '07:00' },
    })
    const secretary = data(await cloud.call(as.p001, 'messages', 'getSettings', {}))
    expect(secretary.kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['approval_waiting', 'proposal_decided', 'supervision_assigned']),
    )
    const committee = data(await cloud.call(as.p057, 'messages', 'getSettings', {}))
    expect(committee.kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['proposal_waiting', 'weekly_digest']),
    )
  })

  it('turns kinds off and on, leaving the others as they were', async () => {
    const off = data(
      await cloud.call(as.p001, 'messages', 'saveSettings', {
        kinds: { weekly_digest: false, lecture_due: false },
      }),
    )
    expect(off.kinds.filter((k) => !k.on).map((k) => k.kind)).toEqual(['lecture_due', 'weekly_digest'])
    const again = data(
      await cloud.call(as.p001, 'messages', 'saveSettings', { kinds: { lecture_due: true } }),
    )
    expect(again.kinds.filter((k) => !k.on).map((k) => k.kind)).toEqual(['weekly_digest'])
    // Saving the same again is fine.
    data(await cloud.call(as.p001, 'messages', 'saveSettings', { kinds: { lecture_due: true } }))
    expect(
      data(await cloud.call(as.p001, 'messages', 'getSettings', {})).kinds.find((k) => !k.on)?.kind,
    ).toBe('weekly_digest')
    expect(cloud.db.find('reminder_settings', { _id: 'p001' })[0]).toMatchObject({
      kinds: { weekly_digest: false, lecture_due: true },
    })
  })

  it.each([
    ['nothing', { kinds: {} }, 'INVALID_INPUT'],
    ['an unknown kind', { kinds: { birthday: false } }, 'INVALID_INPUT'],
    ['a kind that is not a switch', { kinds: { milestone_due: 'off' } }, 'INVALID_INPUT'],
    ['a kind the caller never receives', { kinds: { approval_waiting: false } }, 'INVALID_INPUT'],
  ])('refuses %s', async (_what, payload, code) => {
    expect(await cloud.call(as.p002, 'messages', 'saveSettings', payload as never)).toMatchObject({
      ok: false,
      code,
    })
    expect(cloud.db.count('reminder_settings', { _id: 'p002' })).toBe(0)
  })
})

describe('subscriptions', () => {
  it('tells the app which template ids to ask for at which tap, at most 3 each', async () => {
    const t = data(await cloud.call(as.p002, 'messages', 'templates', {}))
    expect(t.prompts).toEqual([
      { moment: 'checkin', templateIds: ['tpl-milestone-deadline', 'tpl-review-result'] },
      { moment: 'lecture', templateIds: ['tpl-study-reminder'] },
      {
        moment: 'approve',
        templateIds: ['tpl-approval-waiting', 'tpl-overdue-escalation', 'tpl-weekly-digest'],
      },
      { moment: 'review', templateIds: ['tpl-approval-waiting', 'tpl-weekly-digest'] },
      { moment: 'propose', templateIds: ['tpl-review-result', 'tpl-task-assigned'] },
    ])
    expect(t.kinds).toHaveLength(REMINDER_KINDS.length)
    expect(t.kinds.find((k) => k.kind === 'lecture_new')).toEqual({ kind: 'lecture_new', templateId: null })
  })

  it('adds one credit per accepted template per call', async () => {
    const once = data(
      await cloud.call(as.p003, 'messages', 'grantSubscriptions', {
        templateIds: ['tpl-milestone-deadline', 'tpl-study-reminder'],
      }),
    )
    expect(once.credits).toEqual([
      { templateId: 'tpl-milestone-deadline', count: 1 },
      { templateId: 'tpl-study-reminder', count: 1 },
    ])
    const twice = data(
      await cloud.call(as.p003, 'messages', 'grantSubscriptions', {
        templateIds: ['tpl-milestone-deadline'],
      }),
    )
    expect(twice.credits).toEqual([{ templateId: 'tpl-milestone-deadline', count: 2 }])
    expect(cloud.db.find('subscription_credits', { personId: 'p003' }, { sort: { _id: 1 } })).toMatchObject([
      { _id: 'p003:tpl-milestone-deadline', count: 2 },
      { _id: 'p003:tpl-study-reminder', count: 1 },
    ])
  })

  it.each([
    ['no ids', { templateIds: [] }],
    [
      'more than 3',
      { templateIds: ['tpl-milestone-deadline', 'tpl-study-reminder', 'tpl-weekly-digest', 'x'] },
    ],
    ['the same id twice', { templateIds: ['tpl-study-reminder', 'tpl-study-reminder'] }],
    ['a malformed id', { templateIds: ['tpl milestone'] }],
  ])('refuses %s', async (_what, payload) => {
    expect(await cloud.call(as.p002, 'messages', 'grantSubscriptions', payload)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  it('refuses template ids that are not ours, naming them, and records nothing', async () => {
    expect(
      await cloud.call(as.p002, 'messages', 'grantSubscriptions', {
        templateIds: ['tpl-study-reminder', 'someone-elses-template'],
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'templateIds.1', message: '不是本小程序的订阅消息模板' }],
    })
    expect(cloud.db.count('subscription_credits', { personId: 'p002' })).toBe(0)
  })
})
