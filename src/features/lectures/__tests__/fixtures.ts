/** Lectures as the function answers them, typed by the contract so a contract change breaks the tests loudly. */
import type {
  HeartbeatResult,
  LectureDetail,
  LectureListItem,
  LectureStatsView,
  MeView,
  QuizResult,
  StudyStats,
  StudyView,
} from '@contract/api'

export const IMAGE_ID = 'cloud://local.localcloud/uploads/p058/demo-lecture-photo-1.png'
export const AUDIO_ID = 'cloud://local.localcloud/uploads/p058/demo-lecture-audio-1.mp3'

/** 运维部's secretary (seed p001). */
export const yunweiSecretary: MeView = {
  id: 'p001',
  name: '周晓东',
  title: '运维部主任',
  branch: { id: 'b-yunwei', name: '运维部党支部' },
  group: null,
  roles: ['secretary', 'member'],
  grants: [
    { role: 'secretary', branchId: 'b-yunwei' },
    { role: 'member', branchId: 'b-yunwei' },
  ],
}

/** A member of 运维部 who has not started the lectures (seed p004). */
export const yunweiMember: MeView = {
  id: 'p004',
  name: '曹泽宇',
  title: '运维专责',
  branch: { id: 'b-yunwei', name: '运维部党支部' },
  group: null,
  roles: ['member'],
  grants: [{ role: 'member', branchId: 'b-yunwei' }],
}

/** The committee (seed p057). */
export const committeeMember: MeView = {
  id: 'p057',
  name: '卢思琪',
  title: '党委书记',
  branch: null,
  group: null,
  roles: ['committee'],
  grants: [{ role: 'committee' }],
}

export const study = (overrides: Partial<StudyView> = {}): StudyView => ({
  progress: 0.4,
  position: 0,
  studySeconds: 90,
  completed: false,
  completedAt: null,
  quiz: null,
  ...overrides,
})

export function item(id: string, title: string, overrides: Partial<LectureListItem> = {}): LectureListItem {
  return {
    id,
    title,
    speaker: '卢思琪（党委书记）',
    summary: '用十分钟讲清党的二十大精神的核心要义。',
    cover: null,
    mediaKind: null,
    publisherName: '国网某县供电公司党委',
    required: false,
    deadline: null,
    dueState: null,
    hasQuiz: false,
    status: 'published',
    publishedAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    my: null,
    ...overrides,
  }
}

export const SAFETY_QUIZ: NonNullable<LectureDetail['quiz']> = {
  passMark: 60,
  reveal: 'pass_or_last',
  questions: [
    {
      id: 'q1',
      kind: 'single',
      text: '“1+N”安全帮扶中的“1”指的是？',
      options: ['一名党员', '一个班组', '一项制度'],
    },
    {
      id: 'q2',
      kind: 'multiple',
      text: '作业前党员应当讲清哪些内容？',
      options: ['危险点', '控制措施', '个人收入', '作业分工'],
    },
    { id: 'q3', kind: 'single', text: '发现违章行为时应当？', options: ['事后再说', '当场纠正', '视而不见'] },
  ],
}

export function lecture(overrides: Partial<LectureDetail> = {}): LectureDetail {
  return {
    ...item('lec-003', '身边的电网先锋：抢修一线的党员突击队', {
      speaker: '黄文博（党委副书记）',
      summary: '听一听城区供电所党员突击队的故事。',
      mediaKind: 'audio',
    }),
    body: `<h2>抢修一线的党员突击队</h2>\n<p>今年入夏以来，突击队累计完成抢修任务一百余次。</p>\n<p><img src="${IMAGE_ID}" alt="党员突击队在抢修现场" /></p>`,
    bodyImages: {},
    media: { kind: 'audio', fileId: AUDIO_ID, durationSeconds: 100 },
    audience: { scope: 'company' },
    minStudySeconds: 60,
    quiz: null,
    answerKey: null,
    author: { id: 'p058', name: '黄文博' },
    version: 3,
    can: [],
    problems: [],
    study: { minSessionSeconds: 30, maxBeatSeconds: 60, completeAt: 0.95 },
    ...overrides,
  }
}

export const beat = (overrides: Partial<HeartbeatResult> = {}): HeartbeatResult => ({
  progress: 0,
  studySeconds: 0,
  sessionSeconds: 15,
  sessionCounted: false,
  added: 0,
  completed: false,
  justCompleted: false,
  ...overrides,
})

export function quizResult(overrides: Partial<QuizResult> = {}): QuizResult {
  return {
    correct: 2,
    total: 3,
    score: 67,
    passMark: 60,
    passed: true,
    results: [
      { questionId: 'q1', correct: true },
      { questionId: 'q2', correct: false },
      { questionId: 'q3', correct: true },
    ],
    answerKey: { q1: [0], q2: [0, 1], q3: [1] },
    attemptsLeftToday: 2,
    attempts: 1,
    bestScore: 67,
    completed: false,
    ...overrides,
  }
}

export const figures = (studySeconds: number, personTimes: number, completed: number) => ({
  studySeconds,
  studyHours: Math.round(studySeconds / 360) / 10,
  personTimes,
  completed,
})

export function stats(overrides: Partial<StudyStats> = {}): StudyStats {
  return { me: figures(5400, 3, 2), lecture: null, branches: [], members: [], ...overrides }
}

export const lectureStats = (overrides: Partial<LectureStatsView> = {}): LectureStatsView => ({
  lectureId: 'lec-002',
  title: '“1+N”安全帮扶：党员身边无违章',
  ...figures(530, 3, 1),
  audience: 4,
  completionRate: 0.25,
  ...overrides,
})
