import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

// Demo ids: p001 secretary of 运维部, p002 a member there, p008 secretary of 营销部, p057 committee.
let cloud: TestCloud
const cookies: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) cookies[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('org.whoami', () => {
  it('tells a member who they are, from the WeChat context', async () => {
    const res = await cloud.call(cookies.p002, 'org', 'whoami', {})
    if (!res.ok) throw new Error(res.code)
    expect(res.data).toMatchObject({
      id: 'p002',
      branch: { id: 'b-yunwei', name: '运维部党支部' },
      roles: ['member'],
    })
    expect(res.data.group?.name).toBe('运维部第一党小组')
    expect(res.data).not.toHaveProperty('openid')
    expect(res.data).not.toHaveProperty('phone')
  })

  it('greets a committee member with the committee role first', async () => {
    const res = await cloud.call(cookies.p057, 'org', 'whoami', {})
    expect(res.ok && res.data.roles).toEqual(['committee', 'member'])
  })

  it('ignores an identity smuggled in the payload', async () => {
    const res = await cloud.post(
      '/fn/org',
      JSON.stringify({ action: 'whoami', payload: { openid: 'demo-openid-p057' } }),
      {
        cookie: cookies.p002,
      },
    )
    expect(res.json).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('org routing', () => {
  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    const res = await cloud.post('/fn/org', JSON.stringify({ action: 'dropAll', payload: {} }), {
      cookie: cookies.p002,
    })
    expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  it('does not route to inherited object properties', async () => {
    const res = await cloud.post('/fn/org', JSON.stringify({ action: 'constructor' }), {
      cookie: cookies.p002,
    })
    expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  it('answers invalid input with INVALID_INPUT and the field', async () => {
    const res = await cloud.call(cookies.p002, 'org', 'listMembers', { branchId: '../people' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'branchId' }] })
  })
})

describe('org.listBranches', () => {
  it('lists the committee, the general branch and eight branches with head counts', async () => {
    const res = await cloud.call(cookies.p002, 'org', 'listBranches', {})
    if (!res.ok) throw new Error(res.code)
    const branches = res.data.branches.filter((b) => b.kind === 'branch')
    expect(branches).toHaveLength(8)
    expect(branches.find((b) => b.id === 'b-yunwei')?.memberCount).toBe(7)
    expect(branches.find((b) => b.id === 'b-jiguan')?.memberCount).toBe(11)
    expect(res.data.branches[0]).toMatchObject({ kind: 'committee', parentId: null })
  })
})

describe('org.listMembers', () => {
  it('shows a secretary their roster with phone numbers', async () => {
    const res = await cloud.call(cookies.p001, 'org', 'listMembers', { branchId: 'b-yunwei' })
    if (!res.ok) throw new Error(res.code)
    expect(res.data.members).toHaveLength(7)
    expect(res.data.members.every((m) => typeof m.phone === 'string')).toBe(true)
  })

  it('shows a member the roster but only their own phone number', async () => {
    const res = await cloud.call(cookies.p002, 'org', 'listMembers', { branchId: 'b-yunwei' })
    if (!res.ok) throw new Error(res.code)
    const withPhone = res.data.members.filter((m) => m.phone !== null).map((m) => m.id)
    expect(withPhone).toEqual(['p002'])
  })

  it('refuses a secretary another branch', async () => {
    const res = await cloud.call(cookies.p008, 'org', 'listMembers', { branchId: 'b-yunwei' })
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets the committee read any branch with phones', async () => {
    const res = await cloud.call(cookies.p057, 'org', 'listMembers', { branchId: 'b-anzhi' })
    expect(res.ok && res.data.members.filter((m) => m.phone).length).toBe(7)
  })
})
