import { randomBytes } from 'node:crypto'
import { chinaDay } from '../../../domain/checkins'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import { fileOf } from '../../checkins/__tests__/helpers'
import { data } from '../../projects/__tests__/helpers'

// Demo: p059 supervises 运维部 (b-yunwei: p001 secretary, p002 and p005 members), 营销部, 安质部 and 人资部;
// p060 the other four; p057 is on the committee and supervises none. p008 is secretary of 营销部.
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p005', 'p008', 'p057', 'p059', 'p060']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const call = <A extends ActionName<'supervision'>>(
  who: string,
  action: A,
  payload: ActionInput<'supervision', A>,
) => cloud.call(as[who], 'supervision', action, payload)
const day = (n: number) => chinaDay(new Date(Date.now() + n * 24 * 3600 * 1000))
const requestId = () => randomBytes(12).toString('hex')
const record = (over: Partial<ActionInput<'supervision', 'createRecord'>> = {}) => ({
  requestId: requestId(),
  branchId: 'b-yunwei',
  method: 'phone' as const,
  date: day(0),
  contactId: 'p001',
  findings: '项目推进正常，台账需补充现场照片。',
  ...over,
})
const stored = () => ({
  records: cloud.db.find('supervision_records', {}, { sort: { _id: 1 }, limit: 1000 }),
  status: cloud.db.find('supervision_branch_status', {}, { sort: { _id: 1 }, limit: 1000 }),
  messages: cloud.db.count('messages'),
})
const messagesOf = (personId: string, kind: string) =>
  cloud.db.find('messages', { personId, kind }, { sort: { createdAt: 1 }, limit: 100 })

describe('督导记录', () => {
  it('records a 电话调度 with a follow-up: the owner gets a 消息, the branch its latest contact', async () => {
    const input = record({
      time: '00:00',
      photos: [fileOf('p059', 'png')],
      followUps: [{ text: '补充现场照片到台账', ownerId: 'p002', deadline: day(7) }],
    })
    const created = data(await call('p059', 'createRecord', input))
    expect(created.created).toBe(true)
    // A retry of the same save finds the first record and writes nothing.
    const before = stored()
    expect(data(await call('p059', 'createRecord', input))).toEqual({ id: created.id, created: false })
    expect(stored()).toEqual(before)

    const detail = data(await call('p059', 'getRecord', { id: created.id }))
    expect(detail).toMatchObject({
      branchName: '运维部党支部',
      method: 'phone',
      date: day(0),
      time: '00:00',
      contactName: expect.any(String),
      supervisorName: expect.any(String),
    })
    expect(detail.followUps).toEqual([
      expect.objectContaining({
        id: 'f1',
        status: 'open',
        owner: { id: 'p002', name: expect.any(String) },
        canClose: false,
      }),
    ])
    const [message] = messagesOf('p002', 'follow_up_assigned')
    expect(message).toMatchObject({
      itemId: created.id,
      page: `/packages/admin/pages/supervision-record/index?id=${created.id}`,
      pushState: 'no_template',
      read: false,
    })
    expect(message.body).toContain('补充现场照片到台账')
    expect(cloud.db.find('supervision_branch_status', { _id: 'b-yunwei' })[0]).toMatchObject({
      lastMethod: 'phone',
      lastRecordId: created.id,
      openFollowUps: 1,
    })
  })

  it('lets the owner close a follow-up with a photo; the supervisor hears of it and sees it closed', async () => {
    const { id } = data(
      await call(
        'p059',
        'createRecord',
        record({ followUps: [{ text: '整理学习记录', ownerId: 'p002', deadline: day(3) }] }),
      ),
    )
    const open = cloud.db.find('supervision_branch_status', { _id: 'b-yunwei' })[0].openFollowUps as number
    // Only the owner closes it; the secretary and the supervisor cannot.
    for (const who of ['p001', 'p059'])
      expect(
        await cloud.call(as[who], 'supervision', 'closeFollowUp', { id, followUpId: 'f1', note: '已整理' }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A file that is not a photo is refused in words, and nothing changes.
    const before = stored()
    const pdf = await call('p002', 'closeFollowUp', {
      id,
      followUpId: 'f1',
      note: '已整理',
      photos: [fileOf('p002', 'pdf')],
    })
    expect(pdf).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '只能上传照片（jpg、png、webp）' })
    expect(stored()).toEqual(before)

    const photo = fileOf('p002', 'jpg')
    const closed = data(
      await call('p002', 'closeFollowUp', { id, followUpId: 'f1', note: '已整理', photos: [photo] }),
    )
    expect(closed).toEqual({ id, followUpId: 'f1', openFollowUps: 0, version: 2 })
    expect(await call('p002', 'closeFollowUp', { id, followUpId: 'f1', note: '再次' })).toMatchObject({
      code: 'CONFLICT',
    })
    const seen = data(await call('p059', 'getRecord', { id }))
    expect(seen.followUps[0]).toMatchObject({ status: 'closed', note: '已整理', photos: [photo] })
    expect(messagesOf('p059', 'follow_up_closed').filter((m) => m.itemId === id)).toHaveLength(1)
    expect(cloud.db.find('supervision_branch_status', { _id: 'b-yunwei' })[0].openFollowUps).toBe(open - 1)
  })

  it('shows the secretary every record about their branch, and no other branch', async () => {
    await call('p059', 'createRecord', record({ branchId: 'b-yingxiao', contactId: 'p008' }))
    const own = data(await call('p001', 'listRecords', {}))
    expect(own.total).toBeGreaterThanOrEqual(2)
    expect(new Set(own.items.map((r) => r.branchId))).toEqual(new Set(['b-yunwei']))
    const detail = data(await call('p001', 'getRecord', { id: own.items[0].id }))
    expect(detail.branchId).toBe('b-yunwei')
    expect(await call('p001', 'listRecords', { branchId: 'b-yingxiao' })).toMatchObject({ code: 'FORBIDDEN' })
    const other = data(await call('p008', 'listRecords', {}))
    expect(other.items.map((r) => r.branchId)).toEqual(['b-yingxiao'])
    expect(await call('p008', 'getRecord', { id: own.items[0].id })).toMatchObject({ code: 'NOT_FOUND' })
    // A member who owns no follow-up of it sees nothing.
    expect(await call('p005', 'getRecord', { id: own.items[0].id })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await call('p005', 'listRecords', {})).toMatchObject({ code: 'FORBIDDEN' })
    // The committee reads every branch's.
    const all = data(await call('p057', 'listRecords', {}))
    expect(new Set(all.items.map((r) => r.branchId))).toEqual(new Set(['b-yunwei', 'b-yingxiao']))
  })

  it('shows the supervisor each branch’s last contact and open follow-ups, the least attended first', async () => {
    const view = data(await call('p059', 'myBranches', {}))
    const yunwei = view.branches.find((b) => b.id === 'b-yunwei')
    expect(yunwei).toMatchObject({
      lastContact: { date: day(0), method: 'phone' },
      openFollowUps: 1,
    })
    // 人资部 was never contacted and has nothing overdue: it still comes before a branch called today.
    const names = view.branches.map((b) => b.id)
    const renzi = view.branches.find((b) => b.id === 'b-renzi')
    expect(renzi).toMatchObject({ lastContact: null, openFollowUps: 0 })
    if ((yunwei?.overdueMilestones ?? 0) * 10 + 5 < 90)
      expect(names.indexOf('b-renzi')).toBeLessThan(names.indexOf('b-yunwei'))
  })

  it('refuses a branch that is not the supervisor’s, and an owner outside the branch', async () => {
    const before = stored()
    for (const who of ['p060', 'p057'])
      expect(await call(who, 'createRecord', record())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await call(
        'p059',
        'createRecord',
        record({ followUps: [{ text: '跟进', ownerId: 'p008', deadline: day(3) }] }),
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const who of ['p001', 'p002'])
      expect(await call(who, 'createRecord', record())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(stored()).toEqual(before)
  })

  it('refuses a future date, an empty finding, a past deadline and a photo that is not an image', async () => {
    const before = stored()
    const refusals: [Partial<ActionInput<'supervision', 'createRecord'>>, string][] = [
      [{ date: day(1) }, '督导日期不能晚于今天'],
      [{ findings: '\u200b \u200d\u2060' }, '请填写督导发现的情况'],
      [{ findings: '   ' }, '请填写督导发现的情况'],
      [{ followUps: [{ text: '跟进', ownerId: 'p002', deadline: day(-1) }] }, '跟进时限不能早于今天'],
      [{ photos: [fileOf('p059', 'mp4')] }, '只能上传照片（jpg、png、webp）'],
      [{ contactId: undefined }, '请填写联系了谁'],
      [{ date: '2026-02-30' }, '不是有效的日期'],
    ]
    // Later today (China time) is in the future too, unless the day is almost over.
    const later = new Date(Date.now() + 8 * 3600_000 + 2 * 60_000).toISOString()
    if (later.slice(0, 10) === day(0)) refusals.push([{ time: later.slice(11, 16) }, '督导时间不能晚于现在'])
    for (const [over, message] of refusals) {
      const res = await call('p059', 'createRecord', record(over))
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(JSON.stringify(res)).toContain(message)
    }
    expect(stored()).toEqual(before)
  })
})
