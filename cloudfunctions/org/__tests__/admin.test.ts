import { checkCounters } from '../../../localcloud/counter-check'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

// Demo: 党委 u-committee; 运维部 b-yunwei (secretary p001, p002…), 营销部 b-yingxiao (secretary p008);
// 城区/东部供电所 under 党总支 g-gongdiansuo; p057 committee.
let cloud: TestCloud
const cookies: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) cookies[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const committee = <A extends string>(action: A, payload: Record<string, unknown>) =>
  cloud.call(cookies.p057, 'org', action as never, payload as never) as Promise<{
    ok: boolean
    code?: string
    message?: string
    data?: { id: string; message: string; moved: Record<string, number> }
  }>
const events = (action: string) => cloud.db.find('org_events', { action })
const person = (id: string) => cloud.db.find('people', { _id: id })[0] as Record<string, unknown>

describe('org admin: units', () => {
  it('creates a 党总支 and a 支部 under it, refuses a second 党委, a duplicate name and a misplaced kind', async () => {
    const gb = await committee('createUnit', {
      kind: 'general_branch',
      name: '新区党总支',
      parentId: 'u-committee',
    })
    expect(gb).toMatchObject({ ok: true })
    const b = await committee('createUnit', {
      kind: 'branch',
      name: '新区供电所党支部',
      parentId: gb.data!.id,
    })
    expect(b).toMatchObject({ ok: true })
    expect(cloud.db.find('org_units', { _id: b.data!.id })[0]).toMatchObject({
      parentId: gb.data!.id,
      kind: 'branch',
    })
    expect(events('createUnit')).toHaveLength(2)
    expect(events('createUnit')[1]).toMatchObject({ actorId: 'p057', targetIds: [b.data!.id] })

    expect(await committee('createUnit', { kind: 'committee', name: '另一个党委' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '本单位已有党委',
    })
    expect(
      await committee('createUnit', { kind: 'branch', name: '运维部党支部', parentId: 'u-committee' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '已有名为「运维部党支部」的组织',
    })
    expect(
      await committee('createUnit', { kind: 'general_branch', name: '错位党总支', parentId: b.data!.id }),
    ).toMatchObject({
      code: 'CONFLICT',
    })
    expect(
      await committee('createUnit', { kind: 'branch', name: '   ', parentId: 'u-committee' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(events('createUnit')).toHaveLength(2)
  })

  it('refuses everyone but the committee, before looking at the input', async () => {
    for (const who of ['p001', 'p002'])
      expect(await cloud.call(cookies[who], 'org', 'createUnit', { kind: 'x' } as never)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
  })

  it('renames a branch: its projects, search and the org tree follow', async () => {
    const res = await committee('renameUnit', { unitId: 'b-renzi', name: '人力资源部党支部' })
    expect(res).toMatchObject({ ok: true })
    for (const p of cloud.db.find('projects', { branchId: 'b-renzi' }))
      expect(p).toMatchObject({ branchName: '人力资源部党支部' })
    const found = await cloud.call(cookies.p057, 'org', 'search', { q: '人力资源部' })
    expect(found.ok && found.data.sections.find((s) => s.kind === 'project')?.hits.length).toBeGreaterThan(0)
    expect(await committee('renameUnit', { unitId: 'b-renzi', name: '人力资源部党支部' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await committee('renameUnit', { unitId: 'nope', name: '某支部' })).toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('moves a branch under the 党总支, never under itself or its own child', async () => {
    expect(await committee('moveUnit', { unitId: 'b-diaokong', parentId: 'g-gongdiansuo' })).toMatchObject({
      ok: true,
    })
    expect(cloud.db.find('org_units', { _id: 'b-diaokong' })[0]).toMatchObject({ parentId: 'g-gongdiansuo' })
    expect(await committee('moveUnit', { unitId: 'g-gongdiansuo', parentId: 'b-chengqu' })).toMatchObject({
      code: 'CONFLICT',
      message: '不能把组织移到它自己的下级组织之下',
    })
    expect(await committee('moveUnit', { unitId: 'b-chengqu', parentId: 'b-chengqu' })).toMatchObject({
      code: 'CONFLICT',
      message: '不能把组织移到它自己之下',
    })
    expect(await committee('moveUnit', { unitId: 'b-diaokong', parentId: 'u-committee' })).toMatchObject({
      ok: true,
    })
  })

  it('refuses merging a unit into itself, into its own child, or across kinds', async () => {
    expect(await committee('mergeUnits', { fromId: 'b-yunwei', intoId: 'b-yunwei' })).toMatchObject({
      code: 'CONFLICT',
      message: '不能把组织合并到它自己',
    })
    expect(await committee('mergeUnits', { fromId: 'g-gongdiansuo', intoId: 'b-chengqu' })).toMatchObject({
      code: 'CONFLICT',
      message: '不能把组织合并到它自己的下级组织',
    })
    expect(await committee('mergeUnits', { fromId: 'b-yunwei', intoId: 'g-gongdiansuo' })).toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('merges 营销部 into 运维部 losing no project, check-in or counter; check:counters stays all equal', async () => {
    const before = {
      projects:
        cloud.db.count('projects', { branchId: 'b-yingxiao' }) +
        cloud.db.count('projects', { branchId: 'b-yunwei' }),
      checkins:
        cloud.db.count('checkins', { branchId: 'b-yingxiao' }) +
        cloud.db.count('checkins', { branchId: 'b-yunwei' }),
      people:
        cloud.db.count('people', { branchId: 'b-yingxiao' }) +
        cloud.db.count('people', { branchId: 'b-yunwei' }),
    }
    expect(before.checkins).toBeGreaterThan(0)
    const res = await committee('mergeUnits', { fromId: 'b-yingxiao', intoId: 'b-yunwei' })
    expect(res).toMatchObject({ ok: true })
    expect(res.data!.moved.projects).toBeGreaterThan(0)
    expect(cloud.db.count('org_units', { _id: 'b-yingxiao' })).toBe(0)
    expect(cloud.db.count('projects', { branchId: 'b-yunwei' })).toBe(before.projects)
    expect(cloud.db.count('checkins', { branchId: 'b-yunwei' })).toBe(before.checkins)
    expect(cloud.db.count('people', { branchId: 'b-yunwei' })).toBe(before.people)
    expect(cloud.db.count('checkin_counts', { _id: 'branch:b-yingxiao' })).toBe(0)
    expect(cloud.db.count('checkin_counts', { branchId: 'b-yingxiao' })).toBe(0)
    // The old secretary stays as a member; the merged branch keeps its secretary.
    expect(person('p008')).toMatchObject({
      branchId: 'b-yunwei',
      grants: [{ role: 'member', branchId: 'b-yunwei' }],
    })
    expect(person('p008').branchHistory).toEqual([expect.objectContaining({ branchId: 'b-yingxiao' })])
    expect(person('p001').grants).toContainEqual({ role: 'secretary', branchId: 'b-yunwei' })
    expect(events('mergeUnits')).toHaveLength(1)

    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    // The merged branch's projects are the secretary's now.
    const list = await cloud.call(cookies.p001, 'projects', 'list', { branchId: 'b-yunwei' })
    expect(list.ok).toBe(true)
  })
})

describe('org admin: groups and people', () => {
  it('creates and renames a group, sets its leader, and refuses a leader from another branch', async () => {
    const g = await committee('createGroup', { branchId: 'b-anzhi', name: '安质部第三党小组' })
    expect(g).toMatchObject({ ok: true })
    expect(await committee('createGroup', { branchId: 'b-anzhi', name: '安质部第三党小组' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await committee('createGroup', { branchId: 'g-gongdiansuo', name: '总支小组' })).toMatchObject({
      code: 'CONFLICT',
      message: '党小组只能设在党支部之下',
    })
    expect(await committee('renameGroup', { groupId: g.data!.id, name: '安质部青年党小组' })).toMatchObject({
      ok: true,
    })
    const anzhi = cloud.db.find('people', { branchId: 'b-anzhi' })[3] as { _id: string }
    expect(await committee('setGroupLeader', { groupId: g.data!.id, personId: anzhi._id })).toMatchObject({
      ok: true,
    })
    expect(cloud.db.find('groups', { _id: g.data!.id })[0]).toMatchObject({
      leaderId: anzhi._id,
      name: '安质部青年党小组',
    })
    expect(person(anzhi._id)).toMatchObject({ groupId: g.data!.id })
    expect(await committee('setGroupLeader', { groupId: g.data!.id, personId: 'p002' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await committee('setGroupLeader', { groupId: g.data!.id, personId: null })).toMatchObject({
      ok: true,
    })
  })

  it('sets a branch secretary; the one before stays a member', async () => {
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p002' })).toMatchObject({
      ok: true,
    })
    expect(person('p002')).toMatchObject({
      grants: [
        { role: 'member', branchId: 'b-yunwei' },
        { role: 'secretary', branchId: 'b-yunwei' },
      ],
    })
    expect(person('p001')).toMatchObject({ grants: [{ role: 'member', branchId: 'b-yunwei' }] })
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p002' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await committee('setSecretary', { branchId: 'b-anzhi', personId: 'p001' })).toMatchObject({
      code: 'CONFLICT',
      message: '只能任命本支部的党员为支部书记：请先把其调入本支部',
    })
    expect(await committee('setSecretary', { branchId: 'b-yunwei', personId: 'p001' })).toMatchObject({
      ok: true,
    })
  })

  it('moves a person with their history; a secretary needs a successor from the branch they leave', async () => {
    expect(await committee('movePerson', { personId: 'p001', branchId: 'b-anzhi' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('调出前请指定本支部的继任书记'),
    })
    expect(
      await committee('movePerson', { personId: 'p001', branchId: 'b-anzhi', successorId: 'p057' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '继任书记须是原支部的另一位党员',
    })
    const checkins = cloud.db.count('checkins', { personId: 'p001' })
    const res = await committee('movePerson', { personId: 'p001', branchId: 'b-anzhi', successorId: 'p002' })
    expect(res).toMatchObject({ ok: true })
    expect(person('p001')).toMatchObject({
      branchId: 'b-anzhi',
      groupId: null,
      grants: [{ role: 'member', branchId: 'b-anzhi' }],
    })
    expect(person('p001').branchHistory).toEqual([expect.objectContaining({ branchId: 'b-yunwei' })])
    expect(person('p002').grants).toContainEqual({ role: 'secretary', branchId: 'b-yunwei' })
    expect(cloud.db.count('checkins', { personId: 'p001' })).toBe(checkins)
    expect(await committee('movePerson', { personId: 'p001', branchId: 'b-anzhi' })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(events('movePerson')).toHaveLength(1)
    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })

  it('merges two groups of a branch and moves a group to another branch with its members', async () => {
    const [g1, g2] = cloud.db.find('groups', { branchId: 'b-anzhi' }) as { _id: string }[]
    const members =
      cloud.db.count('people', { groupId: g1._id }) + cloud.db.count('people', { groupId: g2._id })
    const posts =
      cloud.db.count('group_posts', { groupId: g1._id }) + cloud.db.count('group_posts', { groupId: g2._id })
    expect(await committee('mergeGroups', { fromId: g1._id, intoId: g1._id })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(await committee('mergeGroups', { fromId: g1._id, intoId: g2._id })).toMatchObject({ ok: true })
    expect(cloud.db.count('groups', { _id: g1._id })).toBe(0)
    expect(cloud.db.count('people', { groupId: g2._id })).toBe(members)
    expect(cloud.db.count('group_posts', { groupId: g2._id })).toBe(posts)

    // Its members include 安质部's secretary: they lead the branch it leaves, so a new one comes first.
    expect(await committee('moveGroup', { groupId: g2._id, branchId: 'b-jiguan' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('是支部书记'),
    })
    expect(await committee('setSecretary', { branchId: 'b-anzhi', personId: 'p001' })).toMatchObject({
      ok: true,
    })
    const moved = await committee('moveGroup', { groupId: g2._id, branchId: 'b-jiguan' })
    expect(moved).toMatchObject({ ok: true })
    expect(cloud.db.count('people', { groupId: g2._id, branchId: 'b-jiguan' })).toBe(members)
    expect(cloud.db.count('group_posts', { groupId: g2._id, branchId: 'b-jiguan' })).toBe(posts)
  })

  it('lets the committee see the whole tree, and nobody else', async () => {
    const tree = await cloud.call(cookies.p057, 'org', 'orgTree', {})
    if (!tree.ok) throw new Error(tree.code)
    expect(tree.data.units.find((u) => u.id === 'b-yunwei')).toMatchObject({
      secretaries: [{ id: 'p002', name: expect.any(String) }],
    })
    expect(tree.data.units.some((u) => u.id === 'b-yingxiao')).toBe(false)
    expect(await cloud.call(cookies.p001, 'org', 'orgTree', {})).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('org admin: search backfill', () => {
  it('makes projects and people written before the index findable, batch by batch, committee only', async () => {
    cloud.db.insertMany('projects', [
      {
        _id: 'prj-zz-old',
        title: '旧数据琉璃瓦项目',
        slogan: '',
        branchId: 'b-anzhi',
        branchName: '安质部党支部',
        status: 'in_progress',
        updatedAt: new Date('2020-01-01T00:00:00Z'),
      },
    ])
    cloud.db.insertMany('people', [
      {
        _id: 'p-zz-old',
        openid: '',
        name: '琉璃明',
        phone: '13700008801',
        branchId: 'b-anzhi',
        groupId: null,
        title: '',
        grants: [{ role: 'member', branchId: 'b-anzhi' }],
      },
    ])
    const found = async () => {
      const res = await cloud.call(cookies.p057, 'org', 'search', { q: '琉璃' })
      if (!res.ok) throw new Error(res.code)
      return res.data.sections.flatMap((s) => s.hits.map((h) => h.id))
    }
    expect(await found()).toEqual([])
    for (const kind of ['project', 'person'] as const) {
      let cursor: string | undefined
      let calls = 0
      do {
        const res = await committee('reindexSearch', { kind, ...(cursor ? { cursor } : {}) })
        if (!res.ok) throw new Error(res.code)
        const data = res.data as unknown as { indexed: number; next: string | null }
        expect(data.indexed).toBeGreaterThan(0)
        cursor = data.next ?? undefined
        calls++
      } while (cursor && calls < 50)
    }
    expect((await found()).sort()).toEqual(['p-zz-old', 'prj-zz-old'])
    expect(await cloud.call(cookies.p001, 'org', 'reindexSearch', { kind: 'person' })).toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})
