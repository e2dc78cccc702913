import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { chinaDay } from '../../../domain/checkins'
import { DRAFT, QUIZ, data, fileOf, lectureState } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p004', 'p008', 'p043', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const inDays = (n: number) => chinaDay(new Date(Date.now() + n * 24 * 3600 * 1000))

const complete = {
  title: '讲好身边的安全故事',
  speaker: '周晓东',
  summary: '五分钟讲清作业现场的三条底线。',
  body: '<h2>三条底线</h2><ol><li>不违章</li><li>不冒险</li><li>不蛮干</li></ol>',
}

const ids = (res: { items: { id: string }[] }) => res.items.map((i) => i.id)

describe('lectures.saveDraft', () => {
  it('creates a secretary’s draft for their own branch, and says what it still needs', async () => {
    const res = data(await cloud.call(as.p001, 'lectures', 'saveDraft', { title: '新讲坛' }))
    expect(res).toMatchObject({
      status: 'draft',
      version: 1,
      problems: ['请填写主讲人', '请填写简介', '请填写正文或添加音视频'],
    })
    expect(cloud.db.find('lectures', { _id: res.id })[0]).toMatchObject({
      ownerBranchId: 'b-yunwei',
      publisherName: '运维部党支部',
      audience: { scope: 'branches', branchIds: ['b-yunwei'] },
      authorId: 'p001',
      minStudySeconds: 120,
    })
    const saved = data(await cloud.call(as.p001, 'lectures', 'saveDraft', { id: res.id, ...complete }))
    expect(saved).toEqual({ id: res.id, status: 'draft', version: 2, problems: [] })
    expect(
      cloud.db.find('lecture_events', { lectureId: res.id }, { sort: { at: 1 } }).map((e) => e.action),
    ).toEqual(['create', 'edit'])
  })

  it('sanitises the body on the server before storing it', async () => {
    const image = fileOf('p001')
    const body = `<h2 onclick="x()">标题</h2><script>alert(1)</script><p style="x">正文<img src="${image}" onerror="x()"><img src="https://evil.example/a.png"></p>`
    const { id } = data(await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, body }))
    expect(cloud.db.find('lectures', { _id: id })[0].body).toBe(
      `<h2>标题</h2><p>正文<img src="${image}" /></p>`,
    )
    const detail = data(await cloud.call(as.p001, 'lectures', 'get', { id }))
    expect(detail.body).toBe(`<h2>标题</h2><p>正文<img src="${image}" /></p>`)
    // The image was never uploaded: there is no link for it, and the app falls back to the id.
    expect(detail.bodyImages).toEqual({})
  })

  it('sends a link with each body image that is in storage (rich-text cannot load cloud ids)', async () => {
    const image = fileOf('p001')
    const path = image.slice('cloud://local.localcloud/'.length)
    mkdirSync(dirname(join(cloud.storageDir, path)), { recursive: true })
    writeFileSync(join(cloud.storageDir, path), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const body = `<p>正文<img src="${image}"></p>`
    const { id } = data(await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, body }))
    const detail = data(await cloud.call(as.p001, 'lectures', 'get', { id }))
    expect(detail.bodyImages[image]?.split('?')[0]).toBe(`${cloud.url}/files/${path}`)
  })

  it('keeps media, cover, quiz, requirement and study time as given, and replaces them whole', async () => {
    const media = { kind: 'audio' as const, fileId: fileOf('p001', 'mp3'), durationSeconds: 300 }
    const quiz = {
      passMark: 80,
      questions: [
        { kind: 'single' as const, text: '一', options: ['对', '错'], answer: [0] },
        { kind: 'multiple' as const, text: '二', options: ['甲', '乙', '丙'], answer: [0, 2] },
      ],
    }
    const { id } = data(
      await cloud.call(as.p001, 'lectures', 'saveDraft', {
        ...complete,
        media,
        cover: fileOf('p001', 'jpg'),
        quiz,
        required: true,
        deadline: inDays(7),
        minStudyMinutes: 5,
      }),
    )
    const detail = data(await cloud.call(as.p001, 'lectures', 'get', { id }))
    expect(detail).toMatchObject({
      media,
      required: true,
      deadline: inDays(7),
      minStudySeconds: 300,
      hasQuiz: true,
    })
    expect(detail.answerKey).toEqual({ q1: [0], q2: [0, 2] })
    data(
      await cloud.call(as.p001, 'lectures', 'saveDraft', {
        id,
        quiz: {
          passMark: 60,
          questions: [{ kind: 'single', text: '只剩一题', options: ['是', '否'], answer: [1] }],
        },
        media: null,
      }),
    )
    const after = cloud.db.find('lectures', { _id: id })[0]
    expect(after.quiz).toEqual({
      passMark: 60,
      reveal: 'pass_or_last',
      questions: [{ id: 'q1', kind: 'single', text: '只剩一题', options: ['是', '否'], answer: [1] }],
    })
    expect(after.media).toBeNull()
  })

  it.each([
    [
      'audio that is a video',
      { media: { kind: 'audio', fileId: fileOf('p001', 'mp4') } },
      'media.fileId',
      '音频只能是 MP3、M4A 或 AAC 文件',
    ],
    [
      'video that is a document',
      { media: { kind: 'video', fileId: fileOf('p001', 'pdf') } },
      'media.fileId',
      '视频只能是 MP4 文件',
    ],
    [
      'a cover that is no image',
      { cover: fileOf('p001', 'mp3') },
      'cover',
      '图片只能是 JPG、PNG 或 WebP 文件',
    ],
    [
      'a cover someone else uploaded',
      { cover: fileOf('p008', 'jpg') },
      'cover',
      '封面只能使用自己上传的图片',
    ],
    [
      'media of another environment',
      { media: { kind: 'audio', fileId: 'cloud://prod.b/uploads/p001/abcdefgh.mp3' } },
      'media.fileId',
      '不是本系统存储的文件',
    ],
    [
      'a media link that is no cloud file',
      { media: { kind: 'video', fileId: 'https://x/a.mp4' } },
      'media.fileId',
      '文件编号无效',
    ],
    ['a day that does not exist', { deadline: '2027-02-30' }, 'deadline', '不是有效的日期'],
    [
      'a branch that does not exist',
      { audience: { scope: 'branches', branchIds: ['b-nope'] } },
      'audience.branchIds.0',
      '没有这个支部',
    ],
    ['an overlong title', { title: '题'.repeat(61) }, 'title', '不能超过 60 个字'],
    [
      'a single-choice question with two answers',
      { quiz: { questions: [{ kind: 'single', text: '一', options: ['a', 'b'], answer: [0, 1] }] } },
      'quiz.questions.0.answer',
      '单选题只有一个正确答案',
    ],
    [
      'an answer that is not an option',
      { quiz: { questions: [{ kind: 'single', text: '一', options: ['a', 'b'], answer: [2] }] } },
      'quiz.questions.0.answer',
      '正确答案不在选项中',
    ],
    [
      'a question with one option',
      { quiz: { questions: [{ kind: 'single', text: '一', options: ['a'], answer: [0] }] } },
      'quiz.questions.0.options',
      '至少 2 个选项',
    ],
    ['a study time of three hours', { minStudyMinutes: 180 }, 'minStudyMinutes', undefined],
  ])(
    'refuses %s with INVALID_INPUT and a clear message, writing nothing',
    async (_what, over, path, message) => {
      const before = cloud.db.count('lectures')
      const res = await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, ...over } as never)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
      if (message && !res.ok) expect(res.issues?.[0].message).toBe(message)
      expect(cloud.db.count('lectures')).toBe(before)
    },
  )

  it('lets a secretary reach their own branch only, and members create nothing', async () => {
    const before = cloud.db.count('lectures')
    expect(
      await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, audience: { scope: 'company' } }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN', issues: [{ path: 'audience' }] })
    expect(
      await cloud.call(as.p001, 'lectures', 'saveDraft', {
        ...complete,
        audience: { scope: 'branches', branchIds: ['b-yunwei', 'b-yingxiao'] },
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, branchId: 'b-anzhi' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      issues: [{ path: 'branchId' }],
    })
    expect(await cloud.call(as.p002, 'lectures', 'saveDraft', complete)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记和党委可以新建讲坛',
    })
    expect(cloud.db.count('lectures')).toBe(before)
  })

  it('lets the committee write for the whole company or chosen branches', async () => {
    const { id } = data(await cloud.call(as.p057, 'lectures', 'saveDraft', complete))
    expect(cloud.db.find('lectures', { _id: id })[0]).toMatchObject({
      ownerBranchId: null,
      publisherName: '示范供电公司党委',
      audience: { scope: 'company' },
    })
    data(
      await cloud.call(as.p057, 'lectures', 'saveDraft', {
        id,
        audience: { scope: 'branches', branchIds: ['b-yingxiao', 'b-yunwei', 'b-yunwei'] },
      }),
    )
    expect(cloud.db.find('lectures', { _id: id })[0].audience).toEqual({
      scope: 'branches',
      branchIds: ['b-yingxiao', 'b-yunwei'],
    })
  })

  it('hides another branch’s draft, and refuses edits to what is no longer a draft', async () => {
    const before = lectureState(cloud, DRAFT)
    expect(await cloud.call(as.p001, 'lectures', 'saveDraft', { id: DRAFT, title: '改' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await cloud.call(as.p001, 'lectures', 'get', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(lectureState(cloud, DRAFT)).toEqual(before)
    const quiz = lectureState(cloud, QUIZ)
    expect(await cloud.call(as.p001, 'lectures', 'saveDraft', { id: QUIZ, title: '改' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '讲坛已发布，不能修改',
    })
    expect(await cloud.call(as.p008, 'lectures', 'saveDraft', { id: QUIZ, title: '改' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(lectureState(cloud, QUIZ)).toEqual(quiz)
  })
})

describe('lectures.publish and lectures.withdraw', () => {
  it('publishes a complete draft to its branch only, and withdraws it from every list while keeping it', async () => {
    const { id } = data(await cloud.call(as.p001, 'lectures', 'saveDraft', complete))
    expect(ids(data(await cloud.call(as.p004, 'lectures', 'list', {})))).not.toContain(id)
    expect(data(await cloud.call(as.p001, 'lectures', 'publish', { id }))).toEqual({
      id,
      status: 'published',
      version: 2,
    })
    expect(cloud.db.find('lecture_listings', { lectureId: id })).toEqual([
      expect.objectContaining({ _id: `${id}:b-yunwei`, key: 'b-yunwei', status: 'published' }),
    ])
    expect(ids(data(await cloud.call(as.p004, 'lectures', 'list', {})))[0]).toBe(id)
    expect(ids(data(await cloud.call(as.p008, 'lectures', 'list', {})))).not.toContain(id)
    expect(await cloud.call(as.p008, 'lectures', 'get', { id })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '这个讲坛不面向你所在的支部',
    })
    expect(data(await cloud.call(as.p004, 'lectures', 'get', { id })).can).toEqual([])
    expect(data(await cloud.call(as.p001, 'lectures', 'get', { id })).can).toEqual(['withdraw'])

    expect(await cloud.call(as.p001, 'lectures', 'publish', { id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await cloud.call(as.p004, 'lectures', 'withdraw', { id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p008, 'lectures', 'withdraw', { id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })

    expect(data(await cloud.call(as.p001, 'lectures', 'withdraw', { id, reason: '内容需更新' }))).toEqual({
      id,
      status: 'withdrawn',
      version: 3,
    })
    expect(ids(data(await cloud.call(as.p004, 'lectures', 'list', {})))).not.toContain(id)
    expect(await cloud.call(as.p004, 'lectures', 'get', { id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(cloud.db.find('lectures', { _id: id })[0]).toMatchObject({
      status: 'withdrawn',
      title: complete.title,
    })
    expect(cloud.db.find('lecture_listings', { lectureId: id })[0].status).toBe('withdrawn')
    expect(
      cloud.db
        .find('lecture_events', { lectureId: id }, { sort: { at: 1 } })
        .map((e) => [e.action, e.comment]),
    ).toEqual([
      ['create', ''],
      ['publish', ''],
      ['withdraw', '内容需更新'],
    ])
    expect(await cloud.call(as.p001, 'lectures', 'withdraw', { id })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '讲坛已撤回',
    })
    expect(await cloud.call(as.p001, 'lectures', 'publish', { id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })

  it('refuses to publish an incomplete draft, naming what is missing', async () => {
    const { id } = data(
      await cloud.call(as.p001, 'lectures', 'saveDraft', { ...complete, summary: '', required: true }),
    )
    const before = lectureState(cloud, id)
    expect(await cloud.call(as.p001, 'lectures', 'publish', { id })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '还不能发布：请填写简介；必学讲坛请设置完成期限',
    })
    expect(lectureState(cloud, id)).toEqual(before)
  })

  it('publishes a company-wide lecture to everyone, under one listing', async () => {
    const { id } = data(
      await cloud.call(as.p057, 'lectures', 'saveDraft', {
        ...complete,
        required: true,
        deadline: inDays(3),
      }),
    )
    data(await cloud.call(as.p057, 'lectures', 'publish', { id }))
    expect(cloud.db.find('lecture_listings', { lectureId: id }).map((l) => l._id)).toEqual([`${id}:company`])
    for (const who of ['p004', 'p008', 'p043']) {
      const required = data(await cloud.call(as[who], 'lectures', 'list', { tab: 'required' }))
      expect(required.items.find((i) => i.id === id)).toMatchObject({
        required: true,
        deadline: inDays(3),
        dueState: 'due_soon',
      })
    }
  })

  it('does not let a secretary publish a draft the committee widened beyond their branch', async () => {
    const { id } = data(await cloud.call(as.p001, 'lectures', 'saveDraft', complete))
    data(await cloud.call(as.p057, 'lectures', 'saveDraft', { id, audience: { scope: 'company' } }))
    const before = lectureState(cloud, id)
    expect(await cloud.call(as.p001, 'lectures', 'publish', { id })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '支部书记只能面向本支部发布讲坛',
    })
    expect(lectureState(cloud, id)).toEqual(before)
    expect(data(await cloud.call(as.p057, 'lectures', 'publish', { id })).status).toBe('published')
  })
})

describe('lectures.list manage', () => {
  it('lists a secretary’s branch lectures in every status, and every lecture for the committee', async () => {
    const mine = ids(data(await cloud.call(as.p001, 'lectures', 'list', { tab: 'manage', limit: 50 })))
    const stored = cloud.db.find(
      'lectures',
      { ownerBranchId: 'b-yunwei' },
      { sort: { updatedAt: -1, _id: -1 }, limit: 100 },
    )
    expect(mine).toEqual(stored.map((l) => l._id))
    expect(new Set(stored.map((l) => l.status))).toEqual(new Set(['draft', 'published', 'withdrawn']))
    const committee = ids(data(await cloud.call(as.p057, 'lectures', 'list', { tab: 'manage', limit: 50 })))
    expect(committee).toHaveLength(cloud.db.count('lectures'))
    expect(committee).toContain(DRAFT)
    expect(await cloud.call(as.p004, 'lectures', 'list', { tab: 'manage' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记和党委可以管理微讲坛',
    })
  })
})
