import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { G1, NOTICE_G1, NOTICE_G2, POST_G1, addLatency, data, groupState } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p005', 'p006', 'p007', 'p057'])
    as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const readCount = (postId: string) => cloud.db.find('group_posts', { _id: postId })[0].readCount as number

describe('groups.readers', () => {
  // Demo: 运维部第一党小组 is p001 (secretary, who posted it), p002 (leader), p004, p006; p002 and p006 read it.
  it('shows the leader and the secretary who has read an announcement and which members have not', async () => {
    const expected = {
      postId: NOTICE_G1,
      readCount: 3,
      memberCount: 4,
      read: [
        { person: { id: 'p001', name: '周晓东' }, at: expect.any(String) },
        { person: { id: 'p002', name: '郭秀英' }, at: expect.any(String) },
        { person: { id: 'p006', name: '苏雅琴' }, at: expect.any(String) },
      ],
      unread: [{ id: 'p004', name: '曹泽宇' }],
      remindedToday: false,
    }
    expect(data(await cloud.call(as.p002, 'groups', 'readers', { postId: NOTICE_G1 }))).toEqual(expected)
    expect(data(await cloud.call(as.p001, 'groups', 'readers', { postId: NOTICE_G1 }))).toEqual(expected)
  })

  it('refuses members, other groups, and posts that are not announcements', async () => {
    expect(await cloud.call(as.p004, 'groups', 'readers', { postId: NOTICE_G1 })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记和党小组长可以查看阅读情况',
    })
    expect(await cloud.call(as.p003, 'groups', 'readers', { postId: NOTICE_G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p002, 'groups', 'readers', { postId: NOTICE_G2 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p002, 'groups', 'readers', { postId: POST_G1 })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有通知统计阅读情况',
    })
  })
})

describe('groups.markRead', () => {
  it('records one read per person, keeps the count with it, and shows it in the feed and the group list', async () => {
    const before = data(await cloud.call(as.p004, 'groups', 'myGroups', {})).groups[0]
    expect(before.unreadAnnouncements).toBe(1)
    expect(data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1 })).pinned[0].readByMe).toBe(false)

    expect(data(await cloud.call(as.p004, 'groups', 'markRead', { postId: NOTICE_G1 }))).toEqual({
      postId: NOTICE_G1,
      readCount: 4,
      created: true,
    })
    expect(data(await cloud.call(as.p004, 'groups', 'markRead', { postId: NOTICE_G1 }))).toEqual({
      postId: NOTICE_G1,
      readCount: 4,
      created: false,
    })
    expect(readCount(NOTICE_G1)).toBe(4)
    expect(cloud.db.count('announcement_reads', { postId: NOTICE_G1 })).toBe(4)
    expect(data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1 })).pinned[0]).toMatchObject({
      readByMe: true,
      readCount: 4,
    })
    expect(data(await cloud.call(as.p004, 'groups', 'myGroups', {})).groups[0].unreadAnnouncements).toBe(0)
    expect(data(await cloud.call(as.p002, 'groups', 'readers', { postId: NOTICE_G1 })).unread).toEqual([])
  })

  it('counts concurrent reads by one person once', async () => {
    // p007 has not read 运维部第二党小组's announcement.
    const before = readCount(NOTICE_G2)
    const undo = addLatency(cloud)
    const results = await Promise.all(
      Array.from({ length: 8 }, () => cloud.call(as.p007, 'groups', 'markRead', { postId: NOTICE_G2 })),
    )
    undo()
    expect(results.map((r) => data(r).created).filter(Boolean)).toHaveLength(1)
    expect(readCount(NOTICE_G2)).toBe(before + 1)
    expect(cloud.db.count('announcement_reads', { postId: NOTICE_G2, personId: 'p007' })).toBe(1)
  })

  it('counts concurrent reads by many people each once', async () => {
    const secretary = await cloud.signIn('p001')
    const notice = data(
      await cloud.call(secretary, 'groups', 'post', {
        groupId: G1,
        requestId: 'many-readers-1',
        kind: 'announcement',
        text: '明天上午九点集合。',
      }),
    ).post.id
    const undo = addLatency(cloud)
    const results = await Promise.all(
      [as.p002, as.p004, as.p006, as.p002, as.p004, as.p006, secretary].map((c) =>
        cloud.call(c, 'groups', 'markRead', { postId: notice }),
      ),
    )
    undo()
    expect(results.map((r) => data(r).created).filter(Boolean)).toHaveLength(3)
    // The author's own read, and one for each of the three members.
    expect(readCount(notice)).toBe(4)
    expect(cloud.db.count('announcement_reads', { postId: notice })).toBe(4)
    expect(data(await cloud.call(as.p002, 'groups', 'readers', { postId: notice })).unread).toEqual([])
  })

  it('refuses outsiders and ordinary posts, writing nothing', async () => {
    const before = groupState(cloud, G1)
    expect(await cloud.call(as.p005, 'groups', 'markRead', { postId: NOTICE_G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p057, 'groups', 'markRead', { postId: NOTICE_G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p004, 'groups', 'markRead', { postId: POST_G1 })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有通知需要标记已读',
    })
    expect(await cloud.call(as.p004, 'groups', 'markRead', { postId: '../x' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(groupState(cloud, G1)).toEqual(before)
  })
})
