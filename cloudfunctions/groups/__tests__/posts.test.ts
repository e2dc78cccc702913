import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { G1, G2, NOTICE_G1, NOTICE_G2, addLatency, data, fileOf, groupState, requestId } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p005', 'p006', 'p008', 'p057'])
    as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const post = (over: Record<string, unknown> = {}) => ({
  groupId: G1,
  requestId: requestId(),
  text: '今天完成了线路巡视。',
  ...over,
})

describe('groups.post', () => {
  it('posts text and photos; the post heads the feed, below the pinned announcement', async () => {
    const photos = [fileOf('p004'), fileOf('p004', 'png')]
    const res = data(await cloud.call(as.p004, 'groups', 'post', post({ photos })))
    expect(res.created).toBe(true)
    expect(res.post).toMatchObject({
      kind: 'post',
      author: { id: 'p004' },
      photos,
      pinned: false,
      readByMe: null,
    })
    const feed = data(await cloud.call(as.p006, 'groups', 'feed', { groupId: G1 }))
    expect(feed.pinned[0].id).toBe(NOTICE_G1)
    expect(feed.items[0]).toMatchObject({ id: res.post.id, text: '今天完成了线路巡视。' })
    expect(cloud.db.find('group_boards', { _id: G1 })[0]).toMatchObject({ lastPostAt: expect.any(Date) })
  })

  it('stores and returns text exactly as written: it is shown as text, never as HTML', async () => {
    const text = '<b>注意</b> <script>alert(1)</script> & 1 < 2'
    const res = data(await cloud.call(as.p004, 'groups', 'post', post({ text })))
    expect(res.post.text).toBe(text)
  })

  it('is idempotent: a retried request id finds the first post, even when sent concurrently', async () => {
    const before = groupState(cloud, G1)
    const payload = post({ text: '重试也只发一次' })
    const undo = addLatency(cloud)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => cloud.call(as.p002, 'groups', 'post', payload)),
    )
    undo()
    const created = results.map((r) => data(r).created)
    expect(created.filter(Boolean)).toHaveLength(1)
    expect(new Set(results.map((r) => data(r).post.id)).size).toBe(1)
    const after = groupState(cloud, G1)
    expect(after.posts).toHaveLength(before.posts.length + 1)
    expect(after.board.posts).toBe(before.board.posts + 1)
    // The same request id from someone else is their own post.
    expect(data(await cloud.call(as.p004, 'groups', 'post', payload)).created).toBe(true)
  })

  it('lets the secretary and the group leader announce; the announcement is pinned and read by its author', async () => {
    const leader = data(
      await cloud.call(as.p003, 'groups', 'post', post({ groupId: G2, kind: 'announcement' })),
    )
    expect(leader.post).toMatchObject({ kind: 'announcement', pinned: true, readCount: 1, readByMe: true })
    const secretary = data(
      await cloud.call(as.p001, 'groups', 'post', post({ groupId: G2, kind: 'announcement', pin: false })),
    )
    expect(secretary.post.pinned).toBe(false)
    const feed = data(await cloud.call(as.p005, 'groups', 'feed', { groupId: G2 }))
    expect(feed.pinned.map((p) => p.id)).toEqual([leader.post.id, NOTICE_G2])
    expect(feed.items[0].id).toBe(secretary.post.id)
  })

  it('refuses an announcement from a member, writing nothing', async () => {
    const before = groupState(cloud, G1)
    expect(await cloud.call(as.p004, 'groups', 'post', post({ kind: 'announcement' }))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记和党小组长可以发布通知',
    })
    expect(groupState(cloud, G1)).toEqual(before)
  })

  it.each([
    ['a member of the branch’s other group', 'p005'],
    ['another branch’s secretary', 'p008'],
    ['the committee', 'p057'],
  ])('refuses a post from %s, writing nothing', async (_who, id) => {
    const before = groupState(cloud, G1)
    expect(await cloud.call(as[id], 'groups', 'post', post())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(groupState(cloud, G1)).toEqual(before)
  })

  it.each([
    ['overlong text', { text: '字'.repeat(1001) }, 'text', '内容不能超过 1000 个字'],
    [
      'too many photos',
      { photos: Array.from({ length: 10 }, () => fileOf('p004')) },
      'photos',
      '最多 9 张照片',
    ],
    ['no text and no photos', { text: '  ' }, 'text', '请填写内容'],
    [
      'an announcement without text',
      { kind: 'announcement', text: '', photos: [fileOf('p004')] },
      'text',
      '请填写内容',
    ],
    ['a pin on an ordinary post', { pin: true }, 'pin', '只有通知可以置顶'],
    ['a photo that is no cloud file', { photos: ['https://example.com/a.jpg'] }, 'photos.0', '文件编号无效'],
    ['a short request id', { requestId: 'abc' }, 'requestId', '请求编号至少 8 位'],
    ['an unknown kind', { kind: 'poll' }, 'kind', undefined],
    ['an unknown field', { authorId: 'p001' }, '', undefined],
  ])('refuses %s with INVALID_INPUT naming the field', async (_what, over, path, message) => {
    const before = groupState(cloud, G1)
    const res = await cloud.call(as.p004, 'groups', 'post', post(over) as never)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
    if (message && !res.ok) expect(res.issues?.[0].message).toBe(message)
    expect(groupState(cloud, G1)).toEqual(before)
  })

  it.each([
    ['a document instead of a photo', fileOf('p004', 'pdf'), '文件类型不允许'],
    ['someone else’s upload', fileOf('p002'), '只能使用自己上传的文件'],
    [
      'a file of another environment',
      'cloud://prod.bucket/uploads/p004/abcdefgh12.jpg',
      '不是本系统存储的文件',
    ],
  ])('refuses %s with a clear message', async (_what, photo, message) => {
    const before = groupState(cloud, G1)
    expect(await cloud.call(as.p004, 'groups', 'post', post({ photos: [photo] }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: `照片有误：${message}`,
      issues: [{ path: 'photos.0', message }],
    })
    expect(groupState(cloud, G1)).toEqual(before)
  })

  it('pins at most five announcements: one more joins the feed unpinned, or is refused when a pin was asked', async () => {
    const group = 'b-anzhi-g1'
    const secretary = await cloud.signIn('p015')
    for (let k = 0; k < 4; k++) {
      expect(
        data(await cloud.call(secretary, 'groups', 'post', post({ groupId: group, kind: 'announcement' })))
          .post.pinned,
      ).toBe(true)
    }
    expect(cloud.db.find('group_boards', { _id: group })[0].pinnedIds).toHaveLength(5)
    const sixth = data(
      await cloud.call(secretary, 'groups', 'post', post({ groupId: group, kind: 'announcement' })),
    )
    expect(sixth.post.pinned).toBe(false)
    const before = groupState(cloud, group)
    expect(
      await cloud.call(
        secretary,
        'groups',
        'post',
        post({ groupId: group, kind: 'announcement', pin: true }),
      ),
    ).toEqual({ ok: false, code: 'CONFLICT', message: '最多置顶 5 条通知，请先取消一条置顶' })
    expect(groupState(cloud, group)).toEqual(before)
  })
})

describe('groups.comment and groups.comments', () => {
  it('adds a comment and counts it on the post; a retried request id adds nothing', async () => {
    const target = data(await cloud.call(as.p002, 'groups', 'post', post({ text: '欢迎评论' }))).post.id
    const payload = { postId: target, requestId: requestId(), text: '点赞！' }
    const first = data(await cloud.call(as.p004, 'groups', 'comment', payload))
    expect(first).toMatchObject({
      created: true,
      commentCount: 1,
      comment: { text: '点赞！', mine: true, author: { id: 'p004' } },
    })
    const again = data(await cloud.call(as.p004, 'groups', 'comment', payload))
    expect(again).toMatchObject({ created: false, commentCount: 1, comment: { id: first.comment.id } })
    expect(cloud.db.find('group_posts', { _id: target })[0].commentCount).toBe(1)
  })

  it('pages comments oldest first without skipping or repeating', async () => {
    const target = data(await cloud.call(as.p002, 'groups', 'post', post({ text: '讨论' }))).post.id
    const undo = addLatency(cloud, 1)
    for (let k = 0; k < 23; k++) {
      await cloud.call(k % 2 ? as.p004 : as.p006, 'groups', 'comment', {
        postId: target,
        requestId: requestId(),
        text: `评论 ${k}`,
      })
    }
    undo()
    const seen: string[] = []
    let cursor: string | undefined
    for (;;) {
      const page = data(
        await cloud.call(as.p001, 'groups', 'comments', {
          postId: target,
          limit: 10,
          ...(cursor ? { cursor } : {}),
        }),
      )
      seen.push(...page.items.map((c) => c.text))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, k) => `评论 ${k}`))
    expect(cloud.db.find('group_posts', { _id: target })[0].commentCount).toBe(23)
    const post0 = data(await cloud.call(as.p002, 'groups', 'feed', { groupId: G1 })).items.find(
      (p) => p.id === target,
    )
    expect(post0?.commentCount).toBe(23)
  })

  it('refuses comments from outside the group and overlong comments, writing nothing', async () => {
    const before = groupState(cloud, G1)
    expect(
      await cloud.call(as.p005, 'groups', 'comment', {
        postId: NOTICE_G1,
        requestId: requestId(),
        text: '外组',
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(as.p005, 'groups', 'comments', { postId: NOTICE_G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(
      await cloud.call(as.p004, 'groups', 'comment', {
        postId: NOTICE_G1,
        requestId: requestId(),
        text: '评'.repeat(501),
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'text', message: '评论不能超过 500 个字' }],
    })
    expect(
      await cloud.call(as.p004, 'groups', 'comment', {
        postId: 'gp-nope',
        requestId: requestId(),
        text: '无',
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(groupState(cloud, G1)).toEqual(before)
  })
})

describe('groups.withdraw', () => {
  it('takes the author’s post out of the feed but keeps it, with who, when and an event', async () => {
    const target = data(await cloud.call(as.p004, 'groups', 'post', post({ text: '发错了' }))).post.id
    const before = groupState(cloud, G1)
    expect(
      data(await cloud.call(as.p004, 'groups', 'withdraw', { postId: target, reason: '发错群' })),
    ).toEqual({
      postId: target,
      withdrawn: true,
    })
    const feed = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1, limit: 50 }))
    expect(feed.items.map((p) => p.id)).not.toContain(target)
    const stored = cloud.db.find('group_posts', { _id: target })[0]
    expect(stored).toMatchObject({
      withdrawn: true,
      withdrawnBy: 'p004',
      text: '发错了',
      withdrawnAt: expect.any(Date),
    })
    expect(cloud.db.find('group_post_events', { postId: target })).toEqual([
      expect.objectContaining({ action: 'withdraw', actorId: 'p004', comment: '发错群' }),
    ])
    expect(groupState(cloud, G1).board.posts).toBe(before.board.posts - 1)
    // Withdrawing again answers the same and records nothing more.
    expect(data(await cloud.call(as.p004, 'groups', 'withdraw', { postId: target }))).toEqual({
      postId: target,
      withdrawn: true,
    })
    expect(cloud.db.count('group_post_events', { postId: target })).toBe(1)
    // Gone from the feed means gone for comments and reads too.
    expect(
      await cloud.call(as.p002, 'groups', 'comment', { postId: target, requestId: requestId(), text: '？' }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('lets the branch secretary withdraw a member’s post, and nobody else', async () => {
    const target = data(await cloud.call(as.p006, 'groups', 'post', post({ text: '不当内容' }))).post.id
    const before = groupState(cloud, G1)
    for (const id of ['p002', 'p004', 'p005', 'p008', 'p057']) {
      expect(await cloud.call(as[id], 'groups', 'withdraw', { postId: target })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    expect(groupState(cloud, G1)).toEqual(before)
    data(await cloud.call(as.p001, 'groups', 'withdraw', { postId: target }))
    expect(cloud.db.find('group_posts', { _id: target })[0]).toMatchObject({
      withdrawn: true,
      withdrawnBy: 'p001',
    })
  })

  it('takes a withdrawn announcement off the board', async () => {
    const notice = data(await cloud.call(as.p002, 'groups', 'post', post({ kind: 'announcement' }))).post.id
    expect(cloud.db.find('group_boards', { _id: G1 })[0].pinnedIds).toContain(notice)
    data(await cloud.call(as.p001, 'groups', 'withdraw', { postId: notice }))
    expect(cloud.db.find('group_boards', { _id: G1 })[0].pinnedIds).not.toContain(notice)
    const feed = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1 }))
    expect(feed.pinned.map((p) => p.id)).toEqual([NOTICE_G1])
    expect(await cloud.call(as.p004, 'groups', 'markRead', { postId: notice })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })
})

describe('groups.pin and groups.unpin', () => {
  it('unpins an announcement into the feed and pins it back on top, with events', async () => {
    const unpinned = data(await cloud.call(as.p002, 'groups', 'unpin', { postId: NOTICE_G1 }))
    expect(unpinned.post).toMatchObject({ pinned: false, can: { pin: true, unpin: false } })
    let feed = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1, limit: 50 }))
    expect(feed.pinned.map((p) => p.id)).not.toContain(NOTICE_G1)
    expect(feed.items.map((p) => p.id)).toContain(NOTICE_G1)
    data(await cloud.call(as.p001, 'groups', 'pin', { postId: NOTICE_G1 }))
    feed = data(await cloud.call(as.p004, 'groups', 'feed', { groupId: G1, limit: 50 }))
    expect(feed.pinned[0].id).toBe(NOTICE_G1)
    expect(feed.items.map((p) => p.id)).not.toContain(NOTICE_G1)
    expect(
      cloud.db.find('group_post_events', { postId: NOTICE_G1 }, { sort: { at: 1 } }).map((e) => e.action),
    ).toEqual(['unpin', 'pin'])
    // Pinning what is pinned changes and records nothing.
    data(await cloud.call(as.p001, 'groups', 'pin', { postId: NOTICE_G1 }))
    expect(cloud.db.count('group_post_events', { postId: NOTICE_G1 })).toBe(2)
  })

  it('refuses members, outsiders and ordinary posts', async () => {
    const before = groupState(cloud, G1)
    expect(await cloud.call(as.p004, 'groups', 'unpin', { postId: NOTICE_G1 })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记和党小组长可以置顶通知',
    })
    expect(await cloud.call(as.p003, 'groups', 'unpin', { postId: NOTICE_G1 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    const ordinary = cloud.db.find(
      'group_posts',
      { groupId: G1, kind: 'post', withdrawn: false },
      { limit: 1 },
    )[0]
    expect(await cloud.call(as.p002, 'groups', 'pin', { postId: String(ordinary._id) })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有通知可以置顶',
    })
    expect(groupState(cloud, G1)).toEqual(before)
  })
})

describe('groups.get', () => {
  it('gives one post as the feed shows it, to the group only; a withdrawn post is gone', async () => {
    const made = data(await cloud.call(as.p004, 'groups', 'post', post({ text: '单条动态' }))).post
    expect(data(await cloud.call(as.p006, 'groups', 'get', { postId: made.id })).post).toEqual({
      ...made,
      can: expect.objectContaining({ withdraw: false }),
    })
    expect(data(await cloud.call(as.p001, 'groups', 'get', { postId: made.id })).post.can.withdraw).toBe(true)
    // p005 is in the branch's other group; p008 is another branch's secretary.
    for (const id of ['p005', 'p008']) {
      expect(await cloud.call(as[id], 'groups', 'get', { postId: made.id })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    data(await cloud.call(as.p004, 'groups', 'withdraw', { postId: made.id }))
    expect(await cloud.call(as.p006, 'groups', 'get', { postId: made.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(
      await cloud
        .post('/fn/groups', JSON.stringify({ action: 'get', payload: { postId: { $ne: null } } }), {
          cookie: as.p006,
        })
        .then((r) => r.json),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})
