import { z } from 'zod'
import type { DueState } from '../entities'
import { LECTURE_TABS, MEDIA_KINDS, QUESTION_KINDS, QUIZ_REVEALS, quizIssues } from '../entities-community'
import type { LectureAction, LectureStatus, MediaKind, QuestionKind, QuizReveal } from '../entities-community'
import { freeText, idSchema } from './common'

// Limits mirror domain/lectures.ts (types may not import domain). File ids are checked on the server against
// domain/lecture-content.ts: this environment's storage, allowed types only. Bodies are sanitised there too.
const fileId = z.string().min(1).max(300).startsWith('cloud://', '文件编号无效')
const text = (max: number) => freeText(max)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

/** Where the previous page ended (opaque: pass back `nextCursor`). */
const cursor = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_:-]{1,140}$/, '翻页位置无效')

const media = z
  .object({
    kind: z.enum(MEDIA_KINDS),
    fileId,
    durationSeconds: z
      .number()
      .int()
      .min(1)
      .max(4 * 3600)
      .nullable()
      .default(null),
  })
  .strict()

const audience = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('company') }).strict(),
  z
    .object({
      scope: z.literal('branches'),
      branchIds: z.array(idSchema).min(1, '请选择支部').max(100),
    })
    .strict(),
])

// The shape only: what a question must say is the quiz rule (quizIssues), which the lecture editor runs too.
const question = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: z.string().trim(),
    options: z.array(z.string().trim()),
    /** Indexes into `options`. */
    answer: z.array(z.number().int()),
  })
  .strict()

const quiz = z
  .object({
    passMark: z.number().int().min(0).max(100).default(60),
    reveal: z.enum(QUIZ_REVEALS).default('pass_or_last'),
    questions: z.array(question),
  })
  .strict()
  .superRefine((q, ctx) => {
    for (const issue of quizIssues(q))
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  })

/** Made by the app each time a lecture is opened; heartbeats of one opening share it. */
const sessionId = z
  .string()
  .min(8, '会话编号至少 8 位')
  .max(64, '会话编号不能超过 64 位')
  .regex(/^[A-Za-z0-9_-]+$/, '会话编号格式不正确')

const byId = z.object({ id: idSchema }).strict()

export const lecturesSchemas = {
  /**
   * 微讲坛 list: `new` (every lecture for the caller, newest first), `required` (必学), `finished` (the
   * caller's completed ones, latest first), `manage` (lectures the caller may edit, every status).
   */
  list: z
    .object({
      tab: z.enum(LECTURE_TABS).default('new'),
      cursor: cursor.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .strict(),
  /** A lecture with the caller's study record; the quiz without its answers (editors also get the key). */
  get: byId,
  /** Creates a draft (no id) or saves fields of a draft; a field left out keeps what was saved. */
  saveDraft: z
    .object({
      id: idSchema.optional(),
      /** Only when creating: the branch that publishes it (a secretary's own); the committee may leave it out. */
      branchId: idSchema.optional(),
      title: text(60).optional(),
      speaker: text(30).optional(),
      summary: text(200).optional(),
      /** Rich text (headings, lists, images from cloud storage); sanitised against an allow-list. */
      body: z.string().max(30_000, '正文过长').optional(),
      cover: fileId.nullable().optional(),
      media: media.nullable().optional(),
      audience: audience.optional(),
      required: z.boolean().optional(),
      /** YYYY-MM-DD (China); required lectures need one. */
      deadline: isoDate.nullable().optional(),
      minStudyMinutes: z.number().int().min(1).max(120).optional(),
      quiz: quiz.nullable().optional(),
    })
    .strict(),
  publish: byId,
  withdraw: z.object({ id: idSchema, reason: text(200).optional() }).strict(),
  /**
   * Sent by the app every ~15 s while the lecture is in the foreground: how far the member is (0–1, only
   * forward) and the foreground seconds since the previous heartbeat of this session.
   */
  heartbeat: z
    .object({
      lectureId: idSchema,
      sessionId,
      progress: z.number().min(0).max(1),
      /** Seconds into the audio or video, to resume there. */
      position: z
        .number()
        .min(0)
        .max(24 * 3600)
        .default(0),
      seconds: z.number().int().min(0).max(60, '单次上报不能超过 60 秒'),
    })
    .strict(),
  /** The quiz, checked on the server. `answers` maps question id to the chosen option indexes. */
  submitQuiz: z
    .object({
      lectureId: idSchema,
      answers: z.record(z.string().regex(/^q\d{1,2}$/), z.array(z.number().int().min(0).max(5)).max(6)),
    })
    .strict(),
  /**
   * Study figures: always the caller's own; with `lectureId` that lecture's (its editors); with `branchId`
   * every member of that branch (its secretary, the committee). Branch totals: secretaries see their own
   * branches, the committee every branch.
   */
  stats: z.object({ lectureId: idSchema.optional(), branchId: idSchema.optional() }).strict(),
}

/** The caller's study of a lecture, as lists and the lecture page show it. */
export interface StudyView {
  /** 0–1 */
  progress: number
  position: number
  studySeconds: number
  completed: boolean
  completedAt: string | null
  quiz: { attempts: number; bestScore: number; passed: boolean } | null
}

export interface LectureListItem {
  id: string
  title: string
  speaker: string
  summary: string
  /** Cloud file id. */
  cover: string | null
  mediaKind: MediaKind | null
  publisherName: string
  required: boolean
  /** YYYY-MM-DD */
  deadline: string | null
  /** Required lectures: where the deadline stands for the caller ('done' once completed); null otherwise. */
  dueState: DueState | null
  hasQuiz: boolean
  status: LectureStatus
  publishedAt: string | null
  updatedAt: string
  my: StudyView | null
}

export interface QuizQuestionView {
  id: string
  kind: QuestionKind
  text: string
  options: string[]
}

export interface LectureDetail extends LectureListItem {
  /** Sanitised rich text; images are `cloud://` file ids (show them as the app shows any cloud file). */
  body: string
  /** Temporary https links of the body's `cloud://` images: WeChat's rich-text cannot load cloud ids. */
  bodyImages: Record<string, string>
  media: { kind: MediaKind; fileId: string; durationSeconds: number | null } | null
  audience: { scope: 'company' } | { scope: 'branches'; branches: { id: string; name: string }[] }
  minStudySeconds: number
  quiz: { passMark: number; reveal: QuizReveal; questions: QuizQuestionView[] } | null
  /** Editors only: the quiz's correct options by question id. */
  answerKey: Record<string, number[]> | null
  author: { id: string; name: string }
  version: number
  /** Actions the caller may take now. */
  can: LectureAction[]
  /** Editors: what keeps a draft from being published. */
  problems: string[]
  /** Heartbeat rules the app follows. */
  study: { minSessionSeconds: number; maxBeatSeconds: number; completeAt: number }
}

export interface LectureChange {
  id: string
  status: LectureStatus
  version: number
}

export interface HeartbeatResult {
  progress: number
  studySeconds: number
  /** Foreground seconds of this session so far, counted or not. */
  sessionSeconds: number
  /** Whether this session has passed the minimum time and counts. */
  sessionCounted: boolean
  /** Seconds this heartbeat added to the counted time. */
  added: number
  completed: boolean
  /** True on the heartbeat that completed the lecture. */
  justCompleted: boolean
}

export interface QuizResult {
  correct: number
  total: number
  /** 0–100 */
  score: number
  passMark: number
  passed: boolean
  /** Which questions were right, and their right options: only once the lecture's `reveal` allows, else empty. */
  results: { questionId: string; correct: boolean }[]
  answerKey: Record<string, number[]> | null
  /** Attempts left today (3 a day). */
  attemptsLeftToday: number
  attempts: number
  bestScore: number
  completed: boolean
}

export interface StudyFigures {
  /** 培训人次 */
  personTimes: number
  completed: number
  studySeconds: number
  /** 学习时长, rounded to 0.1 h. */
  studyHours: number
}

export interface LectureStatsView extends StudyFigures {
  lectureId: string
  title: string
  /** People in the audience now. */
  audience: number
  /** completed ÷ audience, 0–1; null with no audience. */
  completionRate: number | null
}

export interface BranchStudyView extends StudyFigures {
  branchId: string
  branchName: string
  members: number
}

export interface MemberStudyView extends StudyFigures {
  person: { id: string; name: string }
}

export interface StudyStats {
  /** The caller's own: personTimes = lectures started. */
  me: StudyFigures
  lecture: LectureStatsView | null
  /** Secretaries: their branches; the committee: every branch; members: none. */
  branches: BranchStudyView[]
  /** With `branchId`: each member of that branch. */
  members: MemberStudyView[]
}

export interface LecturesOutputs {
  list: { items: LectureListItem[]; nextCursor: string | null }
  get: LectureDetail
  saveDraft: LectureChange & { problems: string[] }
  publish: LectureChange
  withdraw: LectureChange
  heartbeat: HeartbeatResult
  submitQuiz: QuizResult
  stats: StudyStats
}
