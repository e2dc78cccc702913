import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

// Demo: 运维部 b-yunwei (secretary p001, members p002…p007), 营销部 b-yingxiao (secretary p008, p009…); p057
// committee. Notices of org changes go to 消息 as kind org_changed, once, unless the person turned them off.
let cloud: TestCloud
const cookies: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p003', 'p057']) cookies[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const committee = (action: string, payload: Record<string, unknown>) =>
  cloud.call(cookies.p057, 'org', action as never, payload as never) as Promise<{ ok: boolean }>
const notices = (personId: string) =>
  cloud.db.find('messages', { personId, kind: 'org_changed' }) as { title: string; body: string }[]

describe('notices of organisation changes', () => {
  it('tells a new secretary once, whatever is repeated the same day', async () => {
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p002' })).toMatchObject({
      ok: true,
    })
    expect(notices('p002')).toEqual([
      expect.objectContaining({ title: '你已任支部书记', body: expect.stringContaining('「运维部') }),
    ])
    // Back and forth within the day: still one notice each.
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p001' })).toMatchObject({
      ok: true,
    })
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p002' })).toMatchObject({
      ok: true,
    })
    expect(notices('p002')).toHaveLength(1)
    expect(notices('p001')).toHaveLength(1)
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p001' })).toMatchObject({
      ok: true,
    })
  })

  it('tells a new group leader, unless they turned these notices off', async () => {
    const [group] = cloud.db.find('groups', { branchId: 'b-yunwei' }) as {
      _id: string
      leaderId: string | null
    }[]
    const members = cloud.db.find('people', { branchId: 'b-yunwei' }) as { _id: string }[]
    const leader = members.find((p) => p._id !== group.leaderId && !['p001', 'p002', 'p003'].includes(p._id))
      ?._id as string
    expect(await committee('setGroupLeader', { groupId: group._id, personId: leader })).toMatchObject({
      ok: true,
    })
    expect(notices(leader)).toEqual([expect.objectContaining({ title: '你已任党小组组长' })])

    expect(
      await cloud.call(cookies.p003, 'messages', 'saveSettings', { kinds: { org_changed: false } }),
    ).toMatchObject({ ok: true })
    expect(await committee('setGroupLeader', { groupId: group._id, personId: 'p003' })).toMatchObject({
      ok: true,
    })
    expect(notices('p003')).toEqual([])
  })

  it('tells a moved member, the secretary of the branch they join, and a successor', async () => {
    expect(
      await committee('movePerson', { personId: 'p008', branchId: 'b-yunwei', successorId: 'p009' }),
    ).toMatchObject({ ok: true })
    expect(notices('p008')).toEqual([
      expect.objectContaining({ title: '组织关系已调整', body: expect.stringContaining('调至「运维部') }),
    ])
    expect(notices('p001')).toContainEqual(
      expect.objectContaining({ title: '支部有新党员调入', body: expect.stringContaining('营销部') }),
    )
    expect(notices('p009')).toEqual([
      expect.objectContaining({ title: '你已任支部书记', body: expect.stringContaining('继任') }),
    ])
  })
})
