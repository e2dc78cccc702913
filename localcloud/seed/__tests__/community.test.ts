import { meetsCompletion, recountStudies } from '../../../domain/lectures'
import { buildDemoCommunity } from '../community'
import { buildDemoOrg } from '../org'

const org = buildDemoOrg()
const now = new Date('2026-11-25T02:00:00Z')
const demo = buildDemoCommunity(org.units, org.groups, org.people, now)

describe('the demo Party groups', () => {
  it('gives every group a pinned announcement, posts with photos and comments', () => {
    for (const g of org.groups) {
      const posts = demo.posts.filter((p) => p.groupId === g._id)
      const board = demo.boards.find((b) => b._id === g._id)
      const pinned = posts.filter((p) => p.pinned)
      expect(pinned).toHaveLength(1)
      expect(pinned[0].kind).toBe('announcement')
      expect(board?.pinnedIds).toEqual([pinned[0]._id])
      expect(board?.posts).toBe(posts.filter((p) => !p.withdrawn).length)
      expect(posts.some((p) => p.photos.length > 0)).toBe(true)
    }
    expect(demo.comments.length).toBeGreaterThan(20)
  })

  it('keeps its counts equal to what they count', () => {
    for (const p of demo.posts) {
      expect(p.readCount).toBe(demo.reads.filter((r) => r.postId === p._id).length)
      expect(p.commentCount).toBe(demo.comments.filter((c) => c.postId === p._id).length)
    }
  })

  it('has announcements some members have read and some have not, posted by a secretary or leader', () => {
    for (const notice of demo.posts.filter((p) => p.kind === 'announcement')) {
      const group = org.groups.find((g) => g._id === notice.groupId)
      const author = org.people.find((p) => p._id === notice.authorId)
      const leads =
        group?.leaderId === author?._id ||
        author?.grants.some((x) => x.role === 'secretary' && x.branchId === group?.branchId)
      expect(leads).toBe(true)
      const members = org.people.filter((p) => p.groupId === notice.groupId)
      const read = new Set(demo.reads.filter((r) => r.postId === notice._id).map((r) => r.personId))
      expect(members.some((m) => !read.has(m._id))).toBe(true)
      expect(read.size).toBeGreaterThan(1)
    }
  })

  it('keeps a withdrawn post with its event', () => {
    const withdrawn = demo.posts.filter((p) => p.withdrawn)
    expect(withdrawn).toHaveLength(1)
    expect(demo.postEvents).toEqual([
      expect.objectContaining({ postId: withdrawn[0]._id, action: 'withdraw' }),
    ])
  })
})

describe('the demo micro-lectures', () => {
  it('has a required lecture with a deadline, one with a quiz, one with an image and audio, and a draft', () => {
    const published = demo.lectures.filter((l) => l.status === 'published')
    expect(published.some((l) => l.required && l.deadline !== null)).toBe(true)
    expect(published.some((l) => l.quiz !== null)).toBe(true)
    expect(published.some((l) => /<img src="cloud:\/\//.test(l.body) && l.media?.kind === 'audio')).toBe(true)
    expect(demo.lectures.filter((l) => l.status === 'draft')).toHaveLength(1)
    expect(demo.listings.map((l) => l._id).sort()).toEqual([
      'lec-001:company',
      'lec-002:b-yunwei',
      'lec-003:company',
    ])
  })

  it('stores every file a lecture or post names', () => {
    const stored = new Set(demo.files.map((f) => `cloud://local.localcloud/${f.cloudPath}`))
    const named = [
      ...demo.posts.flatMap((p) => p.photos),
      ...demo.lectures.flatMap((l) => [l.cover, l.media?.fileId].filter((x): x is string => !!x)),
    ]
    expect(named.filter((id) => !stored.has(id))).toEqual([])
  })

  it('has study records that agree with the rules, totals from a recount, and quiz attempts behind them', () => {
    for (const s of demo.studies) {
      const lecture = demo.lectures.find((l) => l._id === s.lectureId)
      expect(lecture).toBeDefined()
      if (lecture) expect(s.completed).toBe(meetsCompletion(s, lecture))
      expect(s.quiz.attempts).toBe(
        demo.attempts.filter((a) => a.lectureId === s.lectureId && a.personId === s.personId).length,
      )
    }
    expect(demo.studies.some((s) => s.completed)).toBe(true)
    expect(demo.studies.some((s) => !s.completed && s.quiz.attempts > 0)).toBe(true)
    expect(demo.totals).toEqual(recountStudies(demo.studies))
  })
})
