import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { planOf } from '../../projects/__tests__/helpers'
import { CLOSED, RUNNING, addLatency, checkin, checkinState, data, fileOf, requestId } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p004', 'p005', 'p009', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const countOf = (id: string) => (cloud.db.find('checkin_counts', { _id: id })[0]?.count as number) ?? 0
const totalOf = (id: string) => cloud.db.find('checkin_stats', { _id: id })[0].total as number

describe('checkins.create', () => {
  it('records a check-in with photos and place, and counts it everywhere at once', async () => {
    const before = {
      total: totalOf('p003'),
      project: countOf('project:prj-001'),
      task: countOf('task:prj-001:t1'),
      branch: countOf('branch:b-yunwei'),
    }
    const photos = [fileOf('p003'), fileOf('p003', 'png')]
    const place = { name: '城东变电站', latitude: 30.6, longitude: 114.3 }
    const res = data(await cloud.call(as.p003, 'checkins', 'create', checkin({ photos, place })))
    expect(res.created).toBe(true)
    expect(res.checkin).toMatchObject({
      person: { id: 'p003' },
      project: { id: RUNNING, title: '党员干部施工项目全程负责制' },
      task: { id: 't1', title: '制定全程负责制实施办法' },
      milestone: null,
      photos,
      place,
    })
    expect(res.figures).toMatchObject({ total: before.total + 1, checkedInToday: true })
    const stored = cloud.db.find('checkins', { _id: res.checkin.id })[0]
    expect(stored).toMatchObject({ personId: 'p003', seq: before.total + 1, branchId: 'b-yunwei' })
    expect(countOf('project:prj-001')).toBe(before.project + 1)
    expect(countOf('task:prj-001:t1')).toBe(before.task + 1)
    expect(countOf('branch:b-yunwei')).toBe(before.branch + 1)
  })

  it('tags a milestone of the task and counts it on the milestone too', async () => {
    const before = countOf('milestone:prj-001-m4')
    const res = data(
      await cloud.call(as.p005, 'checkins', 'create', checkin({ taskId: 't2', milestoneId: 'prj-001-m4' })),
    )
    expect(res.checkin.milestone).toEqual({ id: 'prj-001-m4', title: '开展随机抽查与月度讲评' })
    expect(countOf('milestone:prj-001-m4')).toBe(before + 1)
  })

  it('accepts a back-dated check-in and a phone clock a little ahead', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString()
    const ahead = new Date(Date.now() + 60 * 1000).toISOString()
    expect(
      data(await cloud.call(as.p002, 'checkins', 'create', checkin({ at: twoDaysAgo }))).checkin.at,
    ).toBe(twoDaysAgo)
    const res = data(await cloud.call(as.p002, 'checkins', 'create', checkin({ at: ahead })))
    expect(Date.parse(res.checkin.at)).toBeLessThanOrEqual(Date.now())
  })

  it('stores a photo uploaded through the gateway and accepts its file id', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const up = await fetch(`${cloud.url}/files/upload`, {
      method: 'POST',
      headers: { cookie: as.p002, 'content-type': 'image/png' },
      body: png,
    })
    const body = (await up.json()) as { ok: true; data: { fileID: string } }
    expect(body.data.fileID).toMatch(/^cloud:\/\/local\.localcloud\/uploads\/p002\/[0-9a-f]{24}\.png$/)
    const res = await cloud.call(as.p002, 'checkins', 'create', checkin({ photos: [body.data.fileID] }))
    expect(data(res).checkin.photos).toEqual([body.data.fileID])
  })
})

describe('checkins.create retries (one record per request id)', () => {
  it('turns the same submission sent 10 times into one check-in', async () => {
    const payload = checkin()
    const before = checkinState(cloud)
    const results = []
    for (let i = 0; i < 10; i++) results.push(data(await cloud.call(as.p002, 'checkins', 'create', payload)))
    expect(results.map((r) => r.created)).toEqual([true, ...Array(9).fill(false)])
    expect(new Set(results.map((r) => r.checkin.id)).size).toBe(1)
    expect(results[9].figures.total).toBe(results[0].figures.total)
    expect(cloud.db.count('checkins')).toBe(before.checkins + 1)
    expect(cloud.db.count('checkins', { requestId: payload.requestId })).toBe(1)
  })

  it('turns 10 concurrent sends of the same request id into one check-in, counted once', async () => {
    const payload = checkin({ taskId: 't2', milestoneId: 'prj-001-m4' })
    const before = checkinState(cloud)
    const undo = addLatency(cloud)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cloud.call(as.p005, 'checkins', 'create', payload)),
    ).finally(undo)
    const created = results.map((r) => data(r).created)
    expect(created.filter(Boolean)).toHaveLength(1)
    expect(cloud.db.count('checkins')).toBe(before.checkins + 1)
    const after = checkinState(cloud)
    const p005 = (s: typeof before) => s.stats.find((d) => d._id === 'p005')?.total as number
    expect(p005(after)).toBe(p005(before) + 1)
    const m4 = (s: typeof before) => s.counts.find((d) => d._id === 'milestone:prj-001-m4')?.count as number
    expect(m4(after)).toBe(m4(before) + 1)
  })

  it('keeps the request ids of different people apart', async () => {
    const shared = requestId()
    const a = data(await cloud.call(as.p002, 'checkins', 'create', checkin({ requestId: shared })))
    const b = data(await cloud.call(as.p003, 'checkins', 'create', checkin({ requestId: shared })))
    expect(a.created && b.created).toBe(true)
    expect(a.checkin.id).not.toBe(b.checkin.id)
  })
})

describe('checkins.create refusals (nothing written)', () => {
  it.each([
    ['text missing', { text: '' }, 'text'],
    ['text over 500 characters', { text: '写'.repeat(501) }, 'text'],
    ['ten photos', { photos: Array.from({ length: 10 }, () => fileOf('p002')) }, 'photos'],
    ['a photo that is not a cloud file', { photos: ['https://example.com/a.jpg'] }, 'photos.0'],
    ['a short request id', { requestId: 'abc' }, 'requestId'],
    ['a request id with a slash', { requestId: '../../etc/passwd' }, 'requestId'],
    ['a time that is not ISO 8601', { at: 'yesterday' }, 'at'],
    ['a latitude off the globe', { place: { name: '现场', latitude: 91, longitude: 0 } }, 'place.latitude'],
    ['an unknown field', { personId: 'p001' }, ''],
  ])('refuses %s with INVALID_INPUT', async (_what, over, path) => {
    const before = checkinState(cloud)
    const res = await cloud.call(as.p002, 'checkins', 'create', checkin(over) as never)
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ path })],
    })
    expect(checkinState(cloud)).toEqual(before)
  })

  it.each([
    [
      'a time in the future',
      { at: new Date(Date.now() + 3600 * 1000).toISOString() },
      'at',
      '打卡时间不能晚于现在',
    ],
    [
      'a time more than 30 days back',
      { at: new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString() },
      'at',
      '只能补记 30 天内的打卡',
    ],
    ['a photo of another person', { photos: [fileOf('p003')] }, 'photos.0', '只能使用自己上传的文件'],
    [
      'a photo of another environment',
      { photos: ['cloud://prod-env.7072-prod/uploads/p002/abcdefgh12.jpg'] },
      'photos.0',
      '不是本系统存储的文件',
    ],
    [
      'a photo path that climbs out',
      { photos: ['cloud://local.localcloud/uploads/p002/../p003/abcdefgh12.jpg'] },
      'photos.0',
      '只能使用自己上传的文件',
    ],
    ['a document as a photo', { photos: [fileOf('p002', 'pdf')] }, 'photos.0', '文件类型不允许'],
    [
      'the same photo twice',
      { photos: [fileOf('p002', 'jpg', 'same-photo'), fileOf('p002', 'jpg', 'same-photo')] },
      'photos.1',
      '文件重复',
    ],
    ['a milestone of another task', { milestoneId: 'prj-001-m3' }, 'milestoneId', '里程碑不属于这个任务'],
  ])('refuses %s', async (_what, over, path, message) => {
    const before = checkinState(cloud)
    const res = await cloud.call(as.p002, 'checkins', 'create', checkin(over))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path, message }] })
    expect(checkinState(cloud)).toEqual(before)
  })

  it.each([
    ['an unknown project', { projectId: 'prj-404' }, '没有找到这个项目'],
    ['an unknown task', { taskId: 't9' }, '没有找到这个任务'],
    ['an unknown milestone', { milestoneId: 'prj-001-m9' }, '没有找到这个里程碑'],
    ['a milestone of another project', { milestoneId: 'prj-002-m1' }, '没有找到这个里程碑'],
  ])('refuses %s with NOT_FOUND', async (_what, over, message) => {
    const before = checkinState(cloud)
    expect(await cloud.call(as.p002, 'checkins', 'create', checkin(over))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message,
    })
    expect(checkinState(cloud)).toEqual(before)
  })

  it('refuses people not on the task: a member of another branch, the secretary, the committee', async () => {
    const before = checkinState(cloud)
    for (const who of ['p009', 'p001', 'p057', 'p004']) {
      expect(await cloud.call(as[who], 'checkins', 'create', checkin())).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    expect(checkinState(cloud)).toEqual(before)
  })

  it('refuses a project that is not being implemented', async () => {
    const before = checkinState(cloud)
    // p002 is assigned to task t1 of the closed prj-009 too (same branch, same demo plan shape).
    const res = await cloud.call(as.p002, 'checkins', 'create', checkin({ projectId: CLOSED }))
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: '项目不在实施中，不能打卡' })
    expect(checkinState(cloud)).toEqual(before)
  })
})

describe('checkins.create by a milestone owner', () => {
  it('lets the owner of a milestone of the task check in on it though not assigned to the task', async () => {
    // Take p003 off task t1 of prj-001; they still own its milestone m2.
    const plan = planOf(data(await cloud.call(as.p001, 'projects', 'get', { id: RUNNING })))
    plan.tasks[0].assigneeIds = ['p002']
    data(await cloud.call(as.p001, 'projects', 'savePlan', plan))
    const res = await cloud.call(as.p003, 'checkins', 'create', checkin())
    expect(data(res)).toMatchObject({ created: true, checkin: { task: { id: 't1' }, milestone: null } })
    // p005 owns nothing on t1 and is not assigned to it.
    expect(await cloud.call(as.p005, 'checkins', 'create', checkin())).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

/** Until undone, every database write to `collection` fails, as if the function had died just before it. */
function failWritesTo(collection: string): () => void {
  const db = cloud.db
  const handle = db.handle.bind(db)
  db.handle = (api, params) =>
    /^database\.(insert|modify|remove)/.test(api) && params.collectionName === collection
      ? Promise.resolve({ code: 'DATABASE_REQUEST_FAILED', message: `${collection} is down` })
      : handle(api, params)
  return () => {
    db.handle = handle
  }
}

describe('checkins.create stopped part-way (the function killed between its writes)', () => {
  it('counts nothing for a record that was never stored, and its retry counts it once', async () => {
    const payload = checkin()
    const before = checkinState(cloud)
    const undo = failWritesTo('checkins')
    const stopped = await cloud.call(as.p002, 'checkins', 'create', payload).finally(undo)
    expect(stopped.ok).toBe(false)
    // No record, and no count of it anywhere: a count is never ahead of its record.
    expect(checkinState(cloud)).toEqual(before)

    const retried = data(await cloud.call(as.p002, 'checkins', 'create', payload))
    expect(retried.created).toBe(true)
    const after = checkinState(cloud)
    expect(after.checkins).toBe(before.checkins + 1)
    const count = (s: typeof before, id: string) => s.counts.find((d) => d._id === id)?.count as number
    for (const id of ['project:prj-001', 'task:prj-001:t1', 'branch:b-yunwei']) {
      expect({ id, count: count(after, id) }).toEqual({ id, count: count(before, id) + 1 })
    }
  })

  it('finishes the counting of a stored record on its retry, once', async () => {
    const payload = checkin()
    const before = checkinState(cloud)
    const undo = failWritesTo('checkin_counts')
    const stopped = await cloud.call(as.p003, 'checkins', 'create', payload).finally(undo)
    expect(stopped.ok).toBe(false)
    expect(cloud.db.find('checkins', { requestId: payload.requestId })[0]).toMatchObject({ counted: false })

    const retried = data(await cloud.call(as.p003, 'checkins', 'create', payload))
    expect(retried.created).toBe(false)
    expect(cloud.db.find('checkins', { requestId: payload.requestId })[0]).toMatchObject({ counted: true })
    const after = checkinState(cloud)
    const count = (s: typeof before, id: string) => s.counts.find((d) => d._id === id)?.count as number
    for (const id of ['project:prj-001', 'task:prj-001:t1', 'branch:b-yunwei']) {
      expect({ id, count: count(after, id) }).toEqual({ id, count: count(before, id) + 1 })
    }
    const total = (s: typeof before) => s.stats.find((d) => d._id === 'p003')?.total as number
    expect(total(after)).toBe(total(before) + 1)
  })
})
