import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { FeedPage, PostView } from '../../../types/api'
import type { GroupPost } from '../../../types/entities'
import { G1, G2, NOTICE_G1, OTHER_BRANCH_GROUP, WITHDRAWN_G1, countCalls, data } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

/** Many posts in a group of their own, some at the very same instant: paging must neither skip nor repeat. */
const BIG = 'b-yunwei-g1'
const N = 75

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p005', 'p008', 'p057']) as[id] = await cloud.signIn(id)
  const base = Date.now() - 10 * 24 * 3600 * 1000
  const posts: GroupPost[] = Array.from({ length: N }, (_, i) => ({
    _id: `gp-bulk-${String(i).padStart(3, '0')}`,
    requestId: `bulk-${i}`,
    groupId: BIG,
    branchId: 'b-yunwei',
    kind: 'post',
    authorId: 'p004',
    authorName: '曹泽宇',
    text: `第 ${i} 条`,
    photos: [],
    pinned: false,
    pinnedAt: null,
    // Groups of five share an instant.
    createdAt: new Date(base + Math.floor(i / 5) * 60_000),
    withdrawn: i % 17 === 0,
    withdrawnAt: null,
    withdrawnBy: null,
    commentCount: 0,
    readCount: 0,
  }))
  cloud.db.insertMany('group_posts', posts as unknown as Record<string, unknown>[])
})
afterAll(() => cloud.close())

async function allPages(cookie: string, groupId: string, limit: number) {
  const pages: FeedPage[] = []
  let cursor: string | undefined
  for (let n = 0; n < 100; n++) {
    const page = data(
      await cloud.call(cookie, 'groups', 'feed', { groupId, limit, ...(cursor ? { cursor } : {}) }),
    )
    pages.push(page)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return pages
}

describe('groups.feed', () => {
  it('puts the pinned announcement on top of the first page and newest posts first below it', async () => {
    const page = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1 }))
    expect(page.pinned.map((p) => p.id)).toEqual([NOTICE_G1])
    expect(page.pinned[0]).toMatchObject({ kind: 'announcement', pinned: true, author: { id: 'p001' } })
    expect(page.items).toHaveLength(20)
    expect(page.items.map((p) => p.id)).not.toContain(NOTICE_G1)
    const times = page.items.map((p) => p.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(page.nextCursor).not.toBeNull()
  })

  it('pages through every post once, in order, without the withdrawn ones or the pinned one', async () => {
    const pages = await allPages(as.p002, BIG, 7)
    const items = pages.flatMap((p) => p.items)
    const ids = items.map((p) => p.id)
    const stored = cloud.db.find(
      'group_posts',
      { groupId: BIG, withdrawn: false, pinned: false },
      { sort: { createdAt: -1, _id: -1 }, limit: 1000 },
    )
    expect(ids).toEqual(stored.map((p) => p._id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).not.toContain(WITHDRAWN_G1)
    expect(ids).not.toContain('gp-bulk-000')
    expect(ids).not.toContain(NOTICE_G1)
    expect(pages.slice(1).every((p) => p.pinned.length === 0)).toBe(true)
    expect(pages[pages.length - 1].nextCursor).toBeNull()
  })

  it('reads a deep page with one indexed range read, not a skip', async () => {
    const pages = await allPages(as.p002, BIG, 20)
    const cursor = pages[2].nextCursor as string
    const calls = countCalls(cloud)
    const page = data(await cloud.call(as.p002, 'groups', 'feed', { groupId: BIG, cursor, limit: 20 }))
    calls.stop()
    expect(page.items.map((p) => p.id)).toEqual(pages[3].items.map((p) => p.id))
    // Caller, then group + page at once, then the caller's reads.
    expect(calls.calls.filter((c) => c === 'database.getDocument').length).toBeLessThanOrEqual(4)
    const plan = cloud.db.explain(
      'group_posts',
      { groupId: BIG, withdrawn: false, pinned: false, createdAt: { $lte: new Date() } },
      { sort: { createdAt: -1 }, limit: 21 },
    )
    expect(plan).toMatch(/USING INDEX/)
  })

  it('shows each post as text with what the caller may do', async () => {
    const mine = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1 })).items.find(
      (p: PostView) => p.author.id === 'p004',
    )
    expect(mine?.can).toEqual({ withdraw: true, pin: false, unpin: false, readers: false })
    expect(mine?.readByMe).toBeNull()
    const asSecretary = data(await cloud.call(as.p001, 'groups', 'feed', { groupId: G1 }))
    expect(asSecretary.pinned[0].can).toEqual({ withdraw: true, pin: false, unpin: true, readers: true })
    expect(asSecretary.items.every((p) => p.can.withdraw)).toBe(true)
  })

  it('lets the branch secretary read the branch’s other group', async () => {
    const page = data(await cloud.call(as.p001, 'groups', 'feed', { groupId: G2 }))
    expect(page.pinned).toHaveLength(1)
    expect(page.items.length).toBeGreaterThan(0)
  })

  it.each([
    ['a member of the branch’s other group', 'p003', G1],
    ['another branch’s secretary', 'p008', G1],
    ['the committee', 'p057', G1],
    ['a member, in another branch’s group', 'p004', OTHER_BRANCH_GROUP],
  ])('refuses %s', async (_who, id, groupId) => {
    expect(await cloud.call(as[id], 'groups', 'feed', { groupId })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有本党小组的成员可以查看和发言',
    })
  })

  it('answers an unknown group with NOT_FOUND and a bad cursor or limit with INVALID_INPUT', async () => {
    expect(await cloud.call(as.p004, 'groups', 'feed', { groupId: 'nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1, cursor: '1;drop' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'cursor' }],
    })
    expect(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1, limit: 51 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'limit' }],
    })
  })

  it('needs a signed-in, registered caller', async () => {
    expect(await cloud.call(null, 'groups', 'feed', { groupId: G1 })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})
