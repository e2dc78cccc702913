import type { Lecture, LectureQuiz, LectureStudy } from '../../types/entities-community'
import {
  QUIZ_ATTEMPTS_PER_DAY,
  quizAttemptsLeft,
  revealsAnswers,
  STUDY_RULES,
  applyHeartbeat,
  applyQuiz,
  gradeQuiz,
  isStudyOverdue,
  meetsCompletion,
  publishProblems,
  quizAnswerProblems,
  recountStudies,
  studyDueState,
  studyHours,
} from '../lectures'
import { bodyHasContent, lectureFileProblem } from '../lecture-content'

const T0 = new Date('2026-11-20T02:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const learner = { personId: 'p1', personName: '党员', branchId: 'b1' }
const lecture = { _id: 'lec-1', minStudySeconds: 60, quiz: null }
const beat = (sessionId: string, seconds: number, progress = 0.1) => ({
  sessionId,
  seconds,
  progress,
  position: 0,
})

/** Feeds heartbeats in order, each at the given second, and returns every step. */
function run(
  beats: [second: number, b: ReturnType<typeof beat>][],
  rule: Pick<Lecture, '_id' | 'minStudySeconds' | 'quiz'> = lecture,
) {
  let study: LectureStudy | null = null
  return beats.map(([second, b]) => {
    const step = applyHeartbeat(study, rule, learner, b, at(second))
    study = step.study
    return step
  })
}

describe('study heartbeats', () => {
  it('counts nothing until a session reaches the minimum, then the whole session', () => {
    const steps = run([
      [0, beat('s1', 15)],
      [15, beat('s1', 10)],
      [25, beat('s1', 10)],
      [35, beat('s1', 10)],
    ])
    expect(steps.map((s) => s.added)).toEqual([0, 0, 35, 10])
    expect(steps.map((s) => s.study.studySeconds)).toEqual([0, 0, 35, 45])
    expect(steps.map((s) => s.delta.personTimes)).toEqual([0, 0, 1, 0])
    expect(steps[3].study.sessions).toBe(1)
  })

  it('starts again with a new session id: a short session never counts', () => {
    const steps = run([
      [0, beat('s1', 40)],
      [100, beat('s2', 20)],
      [110, beat('s2', 5)],
      [200, beat('s3', 30)],
    ])
    expect(steps.map((s) => s.added)).toEqual([40, 0, 0, 30])
    expect(steps[3].study.sessions).toBe(2)
    expect(steps[3].study.studySeconds).toBe(70)
  })

  it('never credits a session more than the time that really passed since it began, plus one slack', () => {
    const slack = STUDY_RULES.beatSlackSeconds
    const steps = run([
      [0, beat('s1', 30)],
      [1, beat('s1', 60)],
      [2, beat('s1', 60)],
      [2.5, beat('s1', 60)],
      [300, beat('s1', 90)],
    ])
    expect(steps.map((s) => s.study.sessionSeconds)).toEqual([
      30,
      31 + slack,
      32 + slack,
      32 + slack,
      92 + slack,
    ])
  })

  it('gains nothing from a stream of new sessions', () => {
    const steps = run(
      Array.from({ length: 20 }, (_, k): [number, ReturnType<typeof beat>] => [k * 0.5, beat(`s${k}`, 60)]),
    )
    // The first claims its minute (there was no earlier heartbeat to measure from); none after it counts.
    expect(steps.slice(1).every((s) => s.study.sessionSeconds <= STUDY_RULES.beatSlackSeconds)).toBe(true)
    expect(steps[steps.length - 1].study.studySeconds).toBe(60)
  })

  it('credits nothing for a heartbeat from before the last one (a clock running backwards)', () => {
    const steps = run([
      [100, beat('s1', 40)],
      [50, beat('s1', 40)],
    ])
    expect(steps[1].added).toBe(0)
  })

  it('moves progress forward only', () => {
    const steps = run([
      [0, beat('s1', 10, 0.8)],
      [10, beat('s1', 10, 0.3)],
      [20, beat('s1', 10, 0.85)],
    ])
    expect(steps.map((s) => s.study.progress)).toEqual([0.8, 0.8, 0.85])
  })

  it('completes once the end is reached and the time met, exactly once', () => {
    const steps = run([
      [0, beat('s1', 40, 1)],
      [30, beat('s1', 30, 1)],
      [60, beat('s1', 30, 1)],
    ])
    expect(steps.map((s) => [s.study.completed, s.justCompleted, s.delta.completed])).toEqual([
      [false, false, 0],
      [true, true, 1],
      [true, false, 0],
    ])
    expect(steps[1].study.completedAt).toEqual(at(30))
  })

  it('does not complete before the end, however long the study', () => {
    const steps = run([
      [0, beat('s1', 60, 0.94)],
      [60, beat('s1', 60, 0.94)],
    ])
    expect(steps[1].study.completed).toBe(false)
  })
})

const quiz: LectureQuiz = {
  passMark: 60,
  questions: [
    { id: 'q1', kind: 'single', text: '一', options: ['a', 'b'], answer: [0] },
    { id: 'q2', kind: 'multiple', text: '二', options: ['a', 'b', 'c'], answer: [0, 2] },
    { id: 'q3', kind: 'single', text: '三', options: ['a', 'b', 'c'], answer: [2] },
  ],
}

describe('quizzes', () => {
  it('marks a multiple-choice question right only when exactly the right options are chosen', () => {
    expect(gradeQuiz(quiz, { q1: [0], q2: [2, 0], q3: [2] })).toMatchObject({
      correct: 3,
      score: 100,
      passed: true,
    })
    expect(gradeQuiz(quiz, { q1: [0], q2: [0], q3: [2] })).toMatchObject({
      correct: 2,
      score: 67,
      passed: true,
    })
    expect(gradeQuiz(quiz, { q1: [0], q2: [0, 1, 2] }).results).toEqual([
      { questionId: 'q1', correct: true },
      { questionId: 'q2', correct: false },
      { questionId: 'q3', correct: false },
    ])
    expect(gradeQuiz(quiz, {})).toMatchObject({ correct: 0, score: 0, passed: false })
  })

  it('names answers to questions or options that do not exist, and two choices on a single-choice question', () => {
    expect(quizAnswerProblems(quiz, { q1: [0], q9: [0] })).toEqual([
      { path: 'answers.q9', message: '没有这道题' },
    ])
    expect(quizAnswerProblems(quiz, { q1: [2] })).toEqual([{ path: 'answers.q1', message: '没有这个选项' }])
    expect(quizAnswerProblems(quiz, { q3: [0, 1] })).toEqual([
      { path: 'answers.q3', message: '单选题只能选一项' },
    ])
  })

  it('keeps the best score and a pass, and completes a finished reading once the quiz is passed', () => {
    const rule = { ...lecture, quiz }
    const [read] = run([[0, beat('s1', 60, 1)]], rule)
    expect(read.study.completed).toBe(false)
    const failed = applyQuiz(read.study, rule, learner, gradeQuiz(quiz, { q1: [0] }), at(100))
    expect(failed.study.quiz).toMatchObject({ attempts: 1, bestScore: 33, passed: false })
    expect(failed.study.completed).toBe(false)
    const passed = applyQuiz(
      failed.study,
      rule,
      learner,
      gradeQuiz(quiz, { q1: [0], q2: [0, 2], q3: [2] }),
      at(200),
    )
    expect(passed.study.quiz).toMatchObject({ attempts: 2, bestScore: 100, passed: true })
    expect([passed.justCompleted, passed.delta.completed]).toEqual([true, 1])
    const again = applyQuiz(passed.study, rule, learner, gradeQuiz(quiz, {}), at(300))
    expect(again.study.quiz).toMatchObject({ attempts: 3, bestScore: 100, passed: true })
    expect(again.delta).toEqual({ personTimes: 0, completed: 0, studySeconds: 0 })
    expect(meetsCompletion(again.study, rule)).toBe(true)
  })
})

describe('publishing and deadlines', () => {
  const draft = {
    title: '标题',
    speaker: '主讲',
    summary: '简介',
    body: '<p>正文</p>',
    media: null,
    required: false,
    deadline: null,
  }
  it('needs title, speaker, summary and something to study; required lectures a deadline not past', () => {
    expect(publishProblems(draft, '2026-11-20')).toEqual([])
    expect(publishProblems({ ...draft, title: ' ', body: '<p> </p>' }, '2026-11-20')).toEqual([
      '请填写标题',
      '请填写正文或添加音视频',
    ])
    expect(
      publishProblems(
        { ...draft, body: '', media: { kind: 'audio', fileId: 'x', durationSeconds: null } },
        '2026-11-20',
      ),
    ).toEqual([])
    expect(publishProblems({ ...draft, required: true }, '2026-11-20')).toEqual(['必学讲坛请设置完成期限'])
    expect(publishProblems({ ...draft, deadline: new Date('2026-11-19T00:00:00Z') }, '2026-11-20')).toEqual([
      '完成期限不能早于今天',
    ])
  })

  it('says where a required lecture stands, and when a member is late with it', () => {
    const required = { required: true, deadline: new Date('2026-11-20T00:00:00Z') }
    expect(studyDueState({ required: false, deadline: null }, false, '2026-11-20')).toBeNull()
    expect(studyDueState(required, false, '2026-11-20')).toBe('due_soon')
    expect(studyDueState(required, true, '2026-11-21')).toBe('done')
    expect(isStudyOverdue(required, false, '2026-11-21')).toBe(true)
    expect(isStudyOverdue(required, true, '2026-11-21')).toBe(false)
  })

  it('rounds study hours to one decimal', () => {
    expect([studyHours(0), studyHours(1800), studyHours(5400), studyHours(100)]).toEqual([0, 0.5, 1.5, 0])
  })
})

describe('lecture files and bodies', () => {
  const id = (path: string) => `cloud://local.localcloud/${path}`
  it('takes uploads of this environment of the right type only, with a clear message', () => {
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.mp3'), 'local', 'audio')).toBeNull()
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.mp4'), 'local', 'video')).toBeNull()
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.png'), 'local', 'image')).toBeNull()
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.mp4'), 'local', 'audio')).toBe(
      '音频只能是 MP3、M4A 或 AAC 文件',
    )
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.exe'), 'local', 'video')).toBe('视频只能是 MP4 文件')
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.pdf'), 'local', 'image')).toBe(
      '图片只能是 JPG、PNG 或 WebP 文件',
    )
    expect(lectureFileProblem(id('uploads/p1/abcdefgh.mp3'), 'prod', 'audio')).toBe('不是本系统存储的文件')
    expect(lectureFileProblem('https://example.com/a.mp3', 'local', 'audio')).toBe('不是本系统存储的文件')
    expect(lectureFileProblem(id('secret/p1/abcdefgh.mp3'), 'local', 'audio')).toBe(
      '不是通过本系统上传的文件',
    )
    expect(lectureFileProblem(id('uploads/../x/abcdefgh.mp3'), 'local', 'audio')).toBe(
      '不是通过本系统上传的文件',
    )
  })

  it('sees content in text or an image, not in empty markup', () => {
    expect(bodyHasContent('<p>学习</p>')).toBe(true)
    expect(bodyHasContent('<p><img src="cloud://x" /></p>')).toBe(true)
    expect(bodyHasContent('<p> &nbsp;</p><ul><li></li></ul>')).toBe(false)
  })
})

describe('recounting study totals', () => {
  it('adds every record to its lecture, member and branch, and skips records that count nothing yet', () => {
    const s = (
      lectureId: string,
      personId: string,
      branchId: string | null,
      studySeconds: number,
      completed: boolean,
    ) => ({
      lectureId,
      personId,
      branchId,
      studySeconds,
      completed,
      counted: studySeconds > 0,
    })
    expect(
      recountStudies([
        s('l1', 'p1', 'b1', 100, true),
        s('l1', 'p2', null, 40, false),
        s('l2', 'p1', 'b1', 0, false),
      ]),
    ).toEqual([
      { _id: 'branch:b1', scope: 'branch', personTimes: 1, completed: 1, studySeconds: 100 },
      { _id: 'lecture:l1', scope: 'lecture', personTimes: 2, completed: 1, studySeconds: 140 },
      { _id: 'member:p1', scope: 'member', personTimes: 1, completed: 1, studySeconds: 100 },
      { _id: 'member:p2', scope: 'member', personTimes: 1, completed: 0, studySeconds: 40 },
    ])
  })
})

describe('quiz attempts and answers', () => {
  const on = (day: string, dayAttempts: number) => ({
    quiz: { attempts: 9, bestScore: 0, passed: false, lastAt: null, day, dayAttempts },
  })
  // 2026-03-01 16:30 UTC is already 03-02 in China.
  const at = new Date('2026-03-01T16:30:00Z')

  it('allows three a China day, counting only that day’s', () => {
    expect(QUIZ_ATTEMPTS_PER_DAY).toBe(3)
    expect(quizAttemptsLeft(null, at)).toBe(3)
    expect(quizAttemptsLeft(on('2026-03-02', 2), at)).toBe(1)
    expect(quizAttemptsLeft(on('2026-03-02', 3), at)).toBe(0)
    expect(quizAttemptsLeft(on('2026-03-01', 3), at)).toBe(3)
  })

  it('shows the answers after a pass, or after the last try unless the lecture says pass only', () => {
    expect(revealsAnswers({}, false, 2)).toBe(false)
    expect(revealsAnswers({}, false, 0)).toBe(true)
    expect(revealsAnswers({ reveal: 'pass' }, false, 0)).toBe(false)
    expect(revealsAnswers({ reveal: 'pass' }, true, 2)).toBe(true)
    expect(revealsAnswers({ reveal: 'pass_or_last' }, true, 1)).toBe(true)
  })
})
