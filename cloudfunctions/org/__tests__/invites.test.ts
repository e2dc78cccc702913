import { sceneValue } from '../../../domain/mini-code'
import { readMiniCode } from '../../../localcloud/read-mini-code'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { InviteView } from '../../../types/api'
import type { Result } from '../../../types/result'

// Demo ids: p001 secretary of 运维部, p002 a member there, p008 secretary of 营销部, p057 committee.
let cloud: TestCloud
const as: Record<string, string> = {}

const newMember = (id: string, branchId: string) => ({
  _id: id,
  openid: '',
  name: `待绑定${id}`,
  phone: `1370000${id.slice(-4)}`,
  branchId,
  groupId: null,
  title: '',
  grants: [{ role: 'member', branchId }],
})

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) as[id] = await cloud.signIn(id)
  cloud.db.insertMany('people', [
    newMember('p-new-3001', 'b-yunwei'),
    newMember('p-new-3002', 'b-yunwei'),
    newMember('p-new-3003', 'b-yunwei'),
    newMember('p-new-3004', 'b-yingxiao'),
  ])
})
afterAll(() => {
  delete process.env.LOCALCLOUD_NOW
  return cloud.close()
})

const invite = async (cookie: string, personId: string): Promise<InviteView> => {
  const res: Result<InviteView> = await cloud.call(cookie, 'org', 'createInvite', { personId })
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`)
  return res.data
}

describe('org.createInvite', () => {
  it('gives a secretary a short one-time code for an unbound member of their branch, valid three days', async () => {
    const made = await invite(as.p001, 'p-new-3001')
    expect(made.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
    expect(made.person).toEqual({ id: 'p-new-3001', name: '待绑定p-new-3001' })
    const hours = (Date.parse(made.expiresAt) - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(71.9)
    expect(hours).toBeLessThanOrEqual(72)
    // Only a hash of the code is stored.
    const stored = cloud.db.find('invites', { personId: 'p-new-3001' })
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(made.code.replace('-', ''))
  })

  it('refuses members, other branches’ secretaries and bound members; the committee may', async () => {
    expect(await cloud.call(as.p002, 'org', 'createInvite', { personId: 'p-new-3002' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p008, 'org', 'createInvite', { personId: 'p-new-3002' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p001, 'org', 'createInvite', { personId: 'p002' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await cloud.call(as.p001, 'org', 'createInvite', { personId: 'p-nobody' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect((await invite(as.p057, 'p-new-3004')).person.id).toBe('p-new-3004')
  })

  it('lets only the committee make a code for a committee member, and a refused code cancels nothing', async () => {
    cloud.db.insertMany('people', [
      {
        ...newMember('p-new-3020', 'b-yunwei'),
        grants: [{ role: 'member', branchId: 'b-yunwei' }, { role: 'committee' }],
      },
    ])
    const handedOut = await invite(as.p057, 'p-new-3020')
    expect(await cloud.call(as.p001, 'org', 'createInvite', { personId: 'p-new-3020' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    const guest = await cloud.signIn('__guest__')
    expect(await cloud.call(guest, 'org', 'bindInvite', { code: handedOut.code })).toMatchObject({
      ok: true,
      data: { id: 'p-new-3020', roles: ['committee', 'member'] },
    })
  })

  it('comes as a 小程序码 of the 绑定 page whose scene is the code alone, and scanning it binds', async () => {
    cloud.db.insertMany('people', [newMember('p-new-3030', 'b-yunwei')])
    const made = await invite(as.p001, 'p-new-3030')
    expect(made.qrProblem).toBeNull()
    expect(made.qr?.image).toMatch(/^data:image\/png;base64,/)
    const scanned = readMiniCode(made.qr?.image ?? '')
    expect(scanned).toEqual({
      text: expect.any(String),
      page: 'packages/org/pages/bind/index',
      scene: `c=${made.code.replace('-', '')}`,
    })
    expect(made.qr).toMatchObject({ page: scanned?.page, scene: scanned?.scene })
    // No personal data: neither name, phone nor id is in what the code holds.
    for (const personal of ['待绑定', '1370000', 'p-new-3030']) expect(scanned?.text).not.toContain(personal)
    // The page is opened with the scene URL-encoded, as WeChat does; it reads the code back from it.
    const code = sceneValue(encodeURIComponent(scanned?.scene ?? ''), 'c')
    const guest = await cloud.signIn('__guest__')
    expect(await cloud.call(guest, 'org', 'bindInvite', { code: code ?? '' })).toMatchObject({
      ok: true,
      data: { id: 'p-new-3030' },
    })
    // Scanned again by someone else: used, said so.
    const other = await cloud.signIn('__guest__')
    const again = await cloud.call(other, 'org', 'bindInvite', { code: code ?? '' })
    expect(again).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(!again.ok && again.message).toContain('已经使用过')
  })

  it('shows the secretary who has not bound their WeChat yet', async () => {
    const res = await cloud.call(as.p001, 'org', 'listMembers', { branchId: 'b-yunwei' })
    if (!res.ok) throw new Error(res.code)
    expect(res.data.members.find((m) => m.id === 'p-new-3001')?.bound).toBe(false)
    expect(res.data.members.find((m) => m.id === 'p002')?.bound).toBe(true)
  })
})

describe('org.bindInvite', () => {
  it('binds a WeChat user not yet registered to the member, once', async () => {
    const { code } = await invite(as.p001, 'p-new-3002')
    const guest = await cloud.signIn('__guest__')
    expect(await cloud.call(guest, 'org', 'whoami', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })

    const bound = await cloud.call(guest, 'org', 'bindInvite', { code: code.toLowerCase().replace('-', ' ') })
    expect(bound).toMatchObject({
      ok: true,
      data: { id: 'p-new-3002', branch: { id: 'b-yunwei', name: '运维部党支部' }, roles: ['member'] },
    })
    expect(await cloud.call(guest, 'org', 'whoami', {})).toMatchObject({
      ok: true,
      data: { id: 'p-new-3002' },
    })
    expect(cloud.db.find('people', { _id: 'p-new-3002' })[0].openid).toMatch(/^guest-/)

    // Spent: another WeChat user cannot use it; the bound user cannot bind again.
    const other = await cloud.signIn('__guest__')
    expect(await cloud.call(other, 'org', 'bindInvite', { code })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await cloud.call(guest, 'org', 'bindInvite', { code })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await cloud.call(as.p002, 'org', 'bindInvite', { code })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })

  it('accepts only the latest code made for a member', async () => {
    const first = await invite(as.p001, 'p-new-3003')
    const second = await invite(as.p001, 'p-new-3003')
    const guest = await cloud.signIn('__guest__')
    const stale = await cloud.call(guest, 'org', 'bindInvite', { code: first.code })
    expect(stale).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(!stale.ok && stale.message).toContain('已作废')
    expect(await cloud.call(guest, 'org', 'bindInvite', { code: second.code })).toMatchObject({
      ok: true,
      data: { id: 'p-new-3003' },
    })
  })

  it('refuses an expired code', async () => {
    const { code } = await invite(as.p057, 'p-new-3004')
    const guest = await cloud.signIn('__guest__')
    process.env.LOCALCLOUD_NOW = new Date(Date.now() + 73 * 3_600_000).toISOString()
    try {
      const res = await cloud.call(guest, 'org', 'bindInvite', { code })
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(!res.ok && res.message).toBe('这个邀请码已过期，请联系支部书记重新生成（还可再试 4 次）')
    } finally {
      delete process.env.LOCALCLOUD_NOW
    }
    expect(cloud.db.find('people', { _id: 'p-new-3004' })[0].openid).toBe('')
  })

  it('allows five wrong tries an hour per WeChat user, then refuses even a right code until the hour is over', async () => {
    cloud.db.insertMany('people', [newMember('p-new-3015', 'b-yunwei')])
    const { code } = await invite(as.p001, 'p-new-3015')
    const guest = await cloud.signIn('__guest__')
    const messages: string[] = []
    for (const typed of ['AAAA-AAAA', 'BBBB-BBBB', 'nonsense', 'CCCC-CCCC', 'DDDD-DDDD']) {
      const res = await cloud.call(guest, 'org', 'bindInvite', { code: typed })
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      if (!res.ok) messages.push(res.message)
    }
    expect(messages[0]).toContain('还可再试 4 次')
    expect(messages[4]).toBe('邀请码错误次数过多，请一小时后再试')
    expect(await cloud.call(guest, 'org', 'bindInvite', { code })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    })
    // Another WeChat user is not held up by this one.
    const other = await cloud.signIn('__guest__')
    expect(await cloud.call(other, 'org', 'bindInvite', { code: 'EEEE-EEEE' })).toMatchObject({
      code: 'NOT_FOUND',
    })

    process.env.LOCALCLOUD_NOW = new Date(Date.now() + 61 * 60_000).toISOString()
    try {
      expect(await cloud.call(guest, 'org', 'bindInvite', { code })).toMatchObject({
        ok: true,
        data: { id: 'p-new-3015' },
      })
    } finally {
      delete process.env.LOCALCLOUD_NOW
    }
  })
})
