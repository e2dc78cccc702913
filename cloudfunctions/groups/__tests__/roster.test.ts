import { chinaMonth } from '../../../domain/groups'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { G1, G2, OTHER_BRANCH_GROUP, data } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p005', 'p008', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('groups.myGroups', () => {
  it('shows a member their own group, with what they may do there', async () => {
    expect(data(await cloud.call(as.p004, 'groups', 'myGroups', {})).groups).toEqual([
      {
        id: G1,
        name: '运维部第一党小组',
        branch: { id: 'b-yunwei', name: '运维部党支部' },
        leader: { id: 'p002', name: '郭秀英' },
        memberCount: 4,
        myRole: 'member',
        mine: true,
        posts: 5,
        lastPostAt: expect.any(String),
        unreadAnnouncements: 1,
        can: { announce: false, pin: false, readers: false },
      },
    ])
  })

  it('shows a leader as leader, and a secretary every group of their branch, their own first', async () => {
    expect(data(await cloud.call(as.p003, 'groups', 'myGroups', {})).groups).toEqual([
      expect.objectContaining({
        id: G2,
        myRole: 'leader',
        can: { announce: true, pin: true, readers: true },
      }),
    ])
    const secretary = data(await cloud.call(as.p001, 'groups', 'myGroups', {})).groups
    expect(secretary.map((g) => [g.id, g.myRole, g.mine])).toEqual([
      [G1, 'secretary', true],
      [G2, 'secretary', false],
    ])
  })

  it('shows committee staff only the group they sit in', async () => {
    expect(
      data(await cloud.call(as.p057, 'groups', 'myGroups', {})).groups.map((g) => [g.id, g.myRole]),
    ).toEqual([['b-jiguan-g1', 'member']])
  })
})

describe('groups.roster', () => {
  it('lists the members, secretary and leader first, with this month’s check-ins as stored', async () => {
    const roster = data(await cloud.call(as.p004, 'groups', 'roster', { groupId: G1 }))
    const { month, start, end } = chinaMonth(new Date())
    expect(roster.month).toBe(month)
    expect(roster.group).toEqual({ id: G1, name: '运维部第一党小组', branchName: '运维部党支部' })
    expect(roster.members.map((m) => [m.id, m.groupRole, m.roleLabel])).toEqual([
      ['p001', 'secretary', '支部书记'],
      ['p002', 'leader', '党小组长'],
      ['p004', 'member', '党员'],
      ['p006', 'member', '党员'],
    ])
    for (const m of roster.members) {
      expect(m.checkinsThisMonth).toBe(
        cloud.db.count('checkins', { personId: m.id, at: { $gte: start, $lt: end } }),
      )
    }
  })

  it('counts a new check-in this month, and not one of last month', async () => {
    const before = data(await cloud.call(as.p002, 'groups', 'roster', { groupId: G1 })).members.find(
      (m) => m.id === 'p006',
    )
    const { start } = chinaMonth(new Date())
    const checkin = (id: string, at: Date) => ({
      _id: id,
      requestId: id,
      seq: 1,
      personId: 'p006',
      personName: '苏雅琴',
      branchId: 'b-yunwei',
      projectId: 'prj-001',
      projectTitle: '',
      taskId: 't1',
      taskTitle: '',
      milestoneId: null,
      milestoneTitle: null,
      text: '',
      photos: [],
      at,
      day: '',
      place: null,
      createdAt: at,
    })
    cloud.db.insertMany('checkins', [
      checkin('ck-roster-now', new Date()),
      checkin('ck-roster-last-month', new Date(start.getTime() - 1000)),
    ])
    const after = data(await cloud.call(as.p002, 'groups', 'roster', { groupId: G1 })).members.find(
      (m) => m.id === 'p006',
    )
    expect(after?.checkinsThisMonth).toBe((before?.checkinsThisMonth ?? 0) + 1)
  })

  it('shows phone numbers only to the member themself and their branch secretary', async () => {
    const phones = async (cookie: string) =>
      Object.fromEntries(
        data(await cloud.call(cookie, 'groups', 'roster', { groupId: G1 })).members.map((m) => [
          m.id,
          m.phone,
        ]),
      )
    expect(await phones(as.p004)).toEqual({ p001: null, p002: null, p004: '13900001004', p006: null })
    expect(Object.values(await phones(as.p001)).every((p) => typeof p === 'string')).toBe(true)
  })

  it('refuses people outside the group', async () => {
    for (const [id, groupId] of [
      ['p005', G1],
      ['p057', G1],
      ['p004', OTHER_BRANCH_GROUP],
    ]) {
      expect(await cloud.call(as[id], 'groups', 'roster', { groupId })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
  })
})

describe('groups.groupProjects', () => {
  // Demo: prj-001 (运维, in progress) task t1 → p002, p003; t2 → p004, p005. prj-009 (运维, closed) likewise.
  it('lists the branch’s projects the group works on, with the group’s own tasks and people', async () => {
    const g1 = data(await cloud.call(as.p004, 'groups', 'groupProjects', { groupId: G1 })).projects
    expect(g1.map((p) => p.id).sort()).toEqual(['prj-001', 'prj-009'])
    expect(g1.find((p) => p.id === 'prj-001')).toMatchObject({
      status: 'in_progress',
      tasks: [
        { id: 't1', members: [{ id: 'p002', name: '郭秀英' }] },
        { id: 't2', members: [{ id: 'p004', name: '曹泽宇' }] },
      ],
    })
    const g2 = data(await cloud.call(as.p003, 'groups', 'groupProjects', { groupId: G2 })).projects
    expect(g2.find((p) => p.id === 'prj-001')?.tasks.map((t) => t.members.map((m) => m.id))).toEqual([
      ['p003'],
      ['p005'],
    ])
  })

  it('leaves out projects of other branches and projects without a plan', async () => {
    const ids = data(await cloud.call(as.p001, 'groups', 'groupProjects', { groupId: G1 })).projects.map(
      (p) => p.id,
    )
    const branchOf = (id: string) => cloud.db.find('projects', { _id: id })[0]
    expect(ids.every((id) => branchOf(id).branchId === 'b-yunwei')).toBe(true)
    expect(
      ids.every((id) =>
        ['approved', 'in_progress', 'acceptance_requested', 'closed'].includes(String(branchOf(id).status)),
      ),
    ).toBe(true)
  })

  it('refuses people outside the group', async () => {
    expect(await cloud.call(as.p008, 'groups', 'groupProjects', { groupId: G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})
