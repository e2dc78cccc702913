import { startTestCloud } from '../../../localcloud/testing'
import type { StudyTotals } from '../../../types/entities'
import type { TestCloud } from '../../../localcloud/testing'
import {
  DRAFT,
  MEDIA,
  QUIZ,
  REQUIRED,
  RIGHT_ANSWERS,
  addLatency,
  data,
  sessionId,
  studyState,
  timePasses,
  totalsAndRecount,
} from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p004', 'p006', 'p007', 'p008', 'p057', 'p058'])
    as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const beat = (lectureId: string, session: string, seconds: number, progress: number) => ({
  lectureId,
  sessionId: session,
  seconds,
  progress,
})
const study = (lectureId: string, personId: string) =>
  cloud.db.find('lecture_studies', { _id: `${lectureId}:${personId}` })[0]
/** Stored totals, or zeros where nothing has been counted yet. */
const totals = (id: string): StudyTotals =>
  (cloud.db.find('study_totals', { _id: id })[0] as unknown as StudyTotals | undefined) ?? {
    _id: id,
    scope: 'lecture',
    personTimes: 0,
    completed: 0,
    studySeconds: 0,
  }

describe('lectures.heartbeat', () => {
  it('counts a session only once it reaches 30 s, then all of it, with one person-time', async () => {
    const s = sessionId()
    const lectureBefore = totals(`lecture:${MEDIA}`)
    const first = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 20, 0.2)))
    expect(first).toEqual({
      progress: 0.2,
      studySeconds: 0,
      sessionSeconds: 20,
      sessionCounted: false,
      added: 0,
      completed: false,
      justCompleted: false,
    })
    expect(totals(`member:p004`).personTimes).toBe(1)
    await timePasses(cloud, MEDIA, 'p004', 15)
    const second = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 15, 0.4)))
    expect(second).toMatchObject({ studySeconds: 35, sessionSeconds: 35, sessionCounted: true, added: 35 })
    expect(totals(`lecture:${MEDIA}`)).toMatchObject({
      personTimes: lectureBefore.personTimes + 1,
      studySeconds: lectureBefore.studySeconds + 35,
    })
    expect(totals('member:p004')).toMatchObject({ personTimes: 2 })
  })

  it('credits no more time than really passed since the previous heartbeat', async () => {
    const s = sessionId()
    data(await cloud.call(as.p006, 'lectures', 'heartbeat', beat(MEDIA, s, 40, 0.1)))
    // Straight away, claiming another minute: only the few seconds of slack count.
    const greedy = data(await cloud.call(as.p006, 'lectures', 'heartbeat', beat(MEDIA, s, 60, 0.2)))
    expect(greedy.added).toBeLessThanOrEqual(5)
    // However often it is sent, the session holds no more than the time since it began and one slack.
    for (let k = 0; k < 5; k++)
      data(await cloud.call(as.p006, 'lectures', 'heartbeat', beat(MEDIA, s, 60, 0.2)))
    expect(study(MEDIA, 'p006').studySeconds).toBeLessThanOrEqual(46)
  })

  it('moves progress forward only', async () => {
    const s = sessionId()
    data(await cloud.call(as.p007, 'lectures', 'heartbeat', beat(MEDIA, s, 10, 0.8)))
    const back = data(await cloud.call(as.p007, 'lectures', 'heartbeat', beat(MEDIA, s, 0, 0.3)))
    expect(back.progress).toBe(0.8)
    expect(study(MEDIA, 'p007').progress).toBe(0.8)
  })

  it('starts a new session with a new session id: a short one never counts', async () => {
    const before = study(MEDIA, 'p004').studySeconds as number
    const s = sessionId()
    await timePasses(cloud, MEDIA, 'p004', 120)
    const res = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 25, 0.5)))
    expect(res).toMatchObject({ sessionSeconds: 25, sessionCounted: false, added: 0, studySeconds: before })
  })

  it('completes at the end once the lecture’s study time is met, once, and lists it as finished', async () => {
    const s = sessionId()
    await timePasses(cloud, MEDIA, 'p004', 120)
    const lectureBefore = totals(`lecture:${MEDIA}`)
    // Time met (35 s before, 30 s now), but not yet at the end.
    const nearly = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 30, 0.9)))
    expect(nearly).toMatchObject({ studySeconds: 65, completed: false })
    await timePasses(cloud, MEDIA, 'p004', 60)
    const done = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 30, 1)))
    expect(done).toMatchObject({ completed: true, justCompleted: true, progress: 1 })
    expect(study(MEDIA, 'p004')).toMatchObject({ completed: true, completedAt: expect.any(Date) })
    expect(totals(`lecture:${MEDIA}`).completed).toBe(lectureBefore.completed + 1)
    await timePasses(cloud, MEDIA, 'p004', 60)
    const again = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(MEDIA, s, 30, 1)))
    expect(again).toMatchObject({ completed: true, justCompleted: false })
    expect(totals(`lecture:${MEDIA}`).completed).toBe(lectureBefore.completed + 1)
    const finished = data(await cloud.call(as.p004, 'lectures', 'list', { tab: 'finished' }))
    expect(finished.items[0]).toMatchObject({ id: MEDIA, my: { completed: true, progress: 1 } })
  })

  it('keeps one record and one person-time under concurrent heartbeats', async () => {
    const s = sessionId()
    const undo = addLatency(cloud)
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        cloud.call(as.p057, 'lectures', 'heartbeat', beat(MEDIA, s, 10, 0.1 * (k + 1))),
      ),
    )
    undo()
    expect(cloud.db.count('lecture_studies', { lectureId: MEDIA, personId: 'p057' })).toBe(1)
    expect(study(MEDIA, 'p057').progress).toBe(0.8)
    const { stored, recounted } = totalsAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })

  it.each([
    ['outside the audience', 'p008', QUIZ, 'FORBIDDEN'],
    ['on a draft', 'p043', DRAFT, 'NOT_FOUND'],
    ['on a lecture that does not exist', 'p004', 'lec-nope', 'NOT_FOUND'],
  ])('refuses a heartbeat %s, writing nothing', async (_what, who, lectureId, code) => {
    const cookie = as[who] ?? (await cloud.signIn(who))
    const before = studyState(cloud)
    expect(
      await cloud.call(cookie, 'lectures', 'heartbeat', beat(lectureId, sessionId(), 30, 0.5)),
    ).toMatchObject({
      ok: false,
      code,
    })
    expect(studyState(cloud)).toEqual(before)
  })

  it.each([
    ['more than a minute in one beat', { seconds: 61 }, 'seconds'],
    ['progress beyond the end', { progress: 1.2 }, 'progress'],
    ['negative time', { seconds: -5 }, 'seconds'],
    ['someone else’s record', { personId: 'p002' }, ''],
    ['a short session id', { sessionId: 'x' }, 'sessionId'],
  ])('refuses %s with INVALID_INPUT', async (_what, over, path) => {
    const before = studyState(cloud)
    expect(
      await cloud.call(as.p004, 'lectures', 'heartbeat', {
        ...beat(MEDIA, sessionId(), 10, 0.5),
        ...over,
      } as never),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
    expect(studyState(cloud)).toEqual(before)
  })

  it('stops recording once a lecture is withdrawn, keeping what was recorded', async () => {
    const { id } = data(
      await cloud.call(as.p058, 'lectures', 'saveDraft', {
        title: '临时',
        speaker: '黄文博',
        summary: '短',
        body: '<p>内容</p>',
      }),
    )
    data(await cloud.call(as.p058, 'lectures', 'publish', { id }))
    data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(id, sessionId(), 40, 0.5)))
    data(await cloud.call(as.p058, 'lectures', 'withdraw', { id }))
    const before = studyState(cloud)
    expect(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(id, sessionId(), 40, 0.9))).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '讲坛已撤回，不再记录学习',
    })
    expect(studyState(cloud)).toEqual(before)
    expect(study(id, 'p004')).toMatchObject({ studySeconds: 40, progress: 0.5 })
  })
})

describe('lectures.get and the quiz', () => {
  it('sends the quiz without its answers to learners', async () => {
    const detail = data(await cloud.call(as.p004, 'lectures', 'get', { id: QUIZ }))
    expect(detail.quiz?.questions).toHaveLength(3)
    expect(detail.answerKey).toBeNull()
    expect(JSON.stringify(detail)).not.toMatch(/"answer"/)
    expect(data(await cloud.call(as.p001, 'lectures', 'get', { id: QUIZ })).answerKey).toEqual(RIGHT_ANSWERS)
  })

  it('grades on the server, keeps every attempt and the best score, and completes with a pass', async () => {
    const s = sessionId()
    data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(QUIZ, s, 60, 1)))
    await timePasses(cloud, QUIZ, 'p004', 60)
    const read = data(await cloud.call(as.p004, 'lectures', 'heartbeat', beat(QUIZ, s, 60, 1)))
    // Read to the end, time met: still not complete before the quiz is passed.
    expect(read).toMatchObject({ studySeconds: 120, completed: false })

    const wrong = data(
      await cloud.call(as.p004, 'lectures', 'submitQuiz', {
        lectureId: QUIZ,
        answers: { q1: [0], q2: [0, 1], q3: [0] },
      }),
    )
    // Not passed, tries left: which questions were wrong would give the next try away.
    expect(wrong).toEqual({
      correct: 1,
      total: 3,
      score: 33,
      passMark: 60,
      passed: false,
      results: [],
      answerKey: null,
      attemptsLeftToday: 2,
      attempts: 1,
      bestScore: 33,
      completed: false,
    })
    const right = data(
      await cloud.call(as.p004, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers: RIGHT_ANSWERS }),
    )
    expect(right).toMatchObject({ score: 100, passed: true, attempts: 2, bestScore: 100, completed: true })
    expect(right).toMatchObject({ answerKey: RIGHT_ANSWERS, attemptsLeftToday: 1 })
    expect(right.results).toHaveLength(3)
    const after = data(await cloud.call(as.p004, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers: {} }))
    expect(after).toMatchObject({ score: 0, passed: false, attempts: 3, bestScore: 100, completed: true })
    expect(after).toMatchObject({ answerKey: RIGHT_ANSWERS, attemptsLeftToday: 0 })
    // Three a day: the fourth waits for tomorrow (China time) and records nothing.
    const before = studyState(cloud)
    expect(
      await cloud.call(as.p004, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers: RIGHT_ANSWERS }),
    ).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(studyState(cloud)).toEqual(before)
    process.env.LOCALCLOUD_NOW = new Date(Date.now() + 24 * 3600 * 1000).toISOString()
    try {
      expect(
        data(
          await cloud.call(as.p004, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers: RIGHT_ANSWERS }),
        ),
      ).toMatchObject({ attempts: 4, attemptsLeftToday: 2 })
    } finally {
      delete process.env.LOCALCLOUD_NOW
    }
    expect(
      cloud.db
        .find('quiz_attempts', { lectureId: QUIZ, personId: 'p004' }, { sort: { at: 1 } })
        .map((a) => a.score),
    ).toEqual([33, 100, 0, 100])
    expect(data(await cloud.call(as.p004, 'lectures', 'get', { id: QUIZ })).my).toMatchObject({
      completed: true,
      quiz: { attempts: 4, bestScore: 100, passed: true },
    })
  })

  it.each([
    ['pass_or_last', true],
    ['pass', false],
  ] as const)(
    'with reveal %s, shows the answers after the day’s last failed try: %s',
    async (reveal, shown) => {
      const saved = data(
        await cloud.call(as.p001, 'lectures', 'saveDraft', {
          branchId: 'b-yunwei',
          title: `测验公布答案：${reveal}`,
          speaker: '王建国',
          summary: '三次作答',
          body: '<p>作业前讲清危险点。</p>',
          quiz: {
            passMark: 100,
            reveal,
            questions: [
              { kind: 'single', text: '帮扶的“1”指？', options: ['一名党员', '一个班组'], answer: [0] },
            ],
          },
        }),
      )
      data(await cloud.call(as.p001, 'lectures', 'publish', { id: saved.id }))
      const tries = []
      for (let k = 0; k < 3; k++)
        tries.push(
          data(
            await cloud.call(as.p002, 'lectures', 'submitQuiz', {
              lectureId: saved.id,
              answers: { q1: [1] },
            }),
          ),
        )
      expect(tries.map((t) => t.answerKey)).toEqual([null, null, shown ? { q1: [0] } : null])
      expect(tries.map((t) => t.results.length)).toEqual([0, 0, shown ? 1 : 0])
    },
  )

  it.each([
    ['a question the quiz does not have', { q9: [0] }, 'answers.q9', 'INVALID_INPUT'],
    ['two choices on a single-choice question', { q1: [0, 1] }, 'answers.q1', 'INVALID_INPUT'],
    ['an option that does not exist', { q3: [5] }, 'answers.q3', 'INVALID_INPUT'],
  ])('refuses %s, recording no attempt', async (_what, answers, path, code) => {
    const before = studyState(cloud)
    expect(await cloud.call(as.p006, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers })).toMatchObject({
      ok: false,
      code,
      issues: [{ path }],
    })
    expect(studyState(cloud)).toEqual(before)
  })

  it('refuses a quiz outside the audience or on a lecture without one', async () => {
    const before = studyState(cloud)
    expect(
      await cloud.call(as.p008, 'lectures', 'submitQuiz', { lectureId: QUIZ, answers: RIGHT_ANSWERS }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p004, 'lectures', 'submitQuiz', { lectureId: MEDIA, answers: {} })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '这个讲坛没有测验',
    })
    expect(studyState(cloud)).toEqual(before)
  })
})

describe('lectures.list', () => {
  it('shows members what is meant for them: company lectures and their branch’s, newest first', async () => {
    const yunwei = data(await cloud.call(as.p002, 'lectures', 'list', {})).items.map((i) => i.id)
    expect(yunwei).toEqual(expect.arrayContaining([REQUIRED, QUIZ, MEDIA]))
    expect(yunwei).not.toContain(DRAFT)
    const yingxiao = data(await cloud.call(as.p008, 'lectures', 'list', {})).items.map((i) => i.id)
    expect(yingxiao).toEqual(expect.arrayContaining([REQUIRED, MEDIA]))
    expect(yingxiao).not.toContain(QUIZ)
  })

  it('pages with a cursor without skipping or repeating', async () => {
    const all = data(await cloud.call(as.p002, 'lectures', 'list', { limit: 50 })).items.map((i) => i.id)
    const seen: string[] = []
    let cursor: string | undefined
    for (let n = 0; n < 20; n++) {
      const page = data(
        await cloud.call(as.p002, 'lectures', 'list', { limit: 1, ...(cursor ? { cursor } : {}) }),
      )
      seen.push(...page.items.map((i) => i.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(all)
  })

  it('lists required lectures with where they stand, and the caller’s finished ones', async () => {
    const required = data(await cloud.call(as.p006, 'lectures', 'list', { tab: 'required' })).items
    expect(required.find((i) => i.id === REQUIRED)).toMatchObject({
      required: true,
      dueState: 'normal',
      my: null,
    })
    expect(required.every((i) => i.required)).toBe(true)
    const finished = data(await cloud.call(as.p002, 'lectures', 'list', { tab: 'finished' })).items.map(
      (i) => i.id,
    )
    expect(finished.sort()).toEqual([REQUIRED, QUIZ])
  })
})

describe('lectures.stats', () => {
  it('gives everyone their own figures', async () => {
    const me = data(await cloud.call(as.p002, 'lectures', 'stats', {}))
    expect(me).toEqual({
      me: { personTimes: 2, completed: 2, studySeconds: 660, studyHours: 0.2 },
      lecture: null,
      branches: [],
      members: [],
    })
  })

  it('gives a lecture’s editors its person-times and completion rate of its audience', async () => {
    const res = data(await cloud.call(as.p001, 'lectures', 'stats', { lectureId: QUIZ }))
    const stored = totals(`lecture:${QUIZ}`)
    expect(res.lecture).toEqual({
      lectureId: QUIZ,
      title: '“1+N”安全帮扶：党员身边无违章',
      personTimes: stored.personTimes,
      completed: stored.completed,
      studySeconds: stored.studySeconds,
      studyHours: expect.any(Number),
      audience: 7,
      completionRate: stored.completed / 7,
    })
    expect(await cloud.call(as.p002, 'lectures', 'stats', { lectureId: QUIZ })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p008, 'lectures', 'stats', { lectureId: QUIZ })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  it('gives a secretary their branch and its members, and the committee every branch', async () => {
    const secretary = data(await cloud.call(as.p001, 'lectures', 'stats', { branchId: 'b-yunwei' }))
    expect(secretary.branches.map((b) => b.branchId)).toEqual(['b-yunwei'])
    expect(secretary.branches[0]).toMatchObject({ members: 7, ...pick(totals('branch:b-yunwei')) })
    expect(secretary.members.map((m) => m.person.id)).toEqual([
      'p001',
      'p002',
      'p003',
      'p004',
      'p005',
      'p006',
      'p007',
    ])
    expect(secretary.members.find((m) => m.person.id === 'p004')).toMatchObject(pick(totals('member:p004')))
    expect(await cloud.call(as.p001, 'lectures', 'stats', { branchId: 'b-yingxiao' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能查看本支部党员的学习情况',
    })
    const committee = data(await cloud.call(as.p057, 'lectures', 'stats', {}))
    expect(committee.branches).toHaveLength(8)
    expect(committee.branches.reduce((s, b) => s + b.studySeconds, 0)).toBe(
      cloud.db
        .find('study_totals', { scope: 'branch' }, { limit: 1000 })
        .reduce((s, t) => s + (t.studySeconds as number), 0),
    )
  })

  it('keeps every total equal to a recount of the study records', () => {
    const { stored, recounted } = totalsAndRecount(cloud)
    expect(stored).toEqual(recounted)
  })
})

function pick(t: StudyTotals) {
  return { personTimes: t.personTimes, completed: t.completed, studySeconds: t.studySeconds }
}
