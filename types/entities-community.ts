// Party groups (微信党小组) and micro-lectures (党员微讲坛), as stored. Re-exported by entities.ts.

import { hasVisibleText } from './text'

/** An ordinary post (动态) or an announcement (通知), which only the secretary or group leader posts. */
export const POST_KINDS = ['post', 'announcement'] as const
export type PostKind = (typeof POST_KINDS)[number]

/** A person's place in a group, strongest first: the branch secretary, the group leader, a member. */
export const GROUP_ROLES = ['secretary', 'leader', 'member'] as const
export type GroupRole = (typeof GROUP_ROLES)[number]

/** A post in a group's feed. Never deleted: a withdrawn post leaves the feed and stays here. */
export interface GroupPost {
  /** Derived from the author and their client-generated request id: a retried post finds the first. */
  _id: string
  requestId: string
  groupId: string
  branchId: string
  kind: PostKind
  authorId: string
  authorName: string
  /** Plain text, shown as text (never as HTML). */
  text: string
  /** Cloud file ids of photos, at most nine. */
  photos: string[]
  /** Pinned announcements head the feed instead of standing in it. */
  pinned: boolean
  pinnedAt: Date | null
  withdrawn: boolean
  withdrawnAt: Date | null
  withdrawnBy: string | null
  commentCount: number
  /** Announcements: how many people have read it (one per person). */
  readCount: number
  createdAt: Date
}

/** One document per group (`_id` = the group's id): its pinned announcements, newest pin first, and post count. */
export interface GroupBoard {
  _id: string
  pinnedIds: string[]
  posts: number
  lastPostAt: Date | null
}

/** A comment on a post, plain text. `_id` derives from author and request id, as posts' do. */
export interface GroupComment {
  _id: string
  requestId: string
  postId: string
  groupId: string
  authorId: string
  authorName: string
  text: string
  createdAt: Date
}

/** Someone has read an announcement: `_id` = `<postId>:<personId>`, so reading twice finds the first read. */
export interface AnnouncementRead {
  _id: string
  postId: string
  groupId: string
  personId: string
  personName: string
  at: Date
}

export const GROUP_POST_ACTIONS = ['withdraw', 'pin', 'unpin'] as const
export type GroupPostAction = (typeof GROUP_POST_ACTIONS)[number]

/** An auditable step on a post: who withdrew, pinned or unpinned it, and when. */
export interface GroupPostEvent {
  _id: string
  postId: string
  groupId: string
  action: GroupPostAction
  actorId: string
  actorName: string
  comment: string
  at: Date
}

/** A lecture's life: written as a draft, published to its audience, withdrawn (kept, no longer listed). */
export const LECTURE_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type LectureStatus = (typeof LECTURE_STATUSES)[number]

export const LECTURE_ACTIONS = ['create', 'edit', 'publish', 'withdraw'] as const
export type LectureAction = (typeof LECTURE_ACTIONS)[number]

/** The lecture list's tabs: new (all, newest first), required (必学), finished (已学完), manage (editors). */
export const LECTURE_TABS = ['new', 'required', 'finished', 'manage'] as const
export type LectureTab = (typeof LECTURE_TABS)[number]

export const MEDIA_KINDS = ['audio', 'video'] as const
export type MediaKind = (typeof MEDIA_KINDS)[number]

export const QUESTION_KINDS = ['single', 'multiple'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

/** Audio or video in cloud storage that plays with the lecture. */
export interface LectureMedia {
  kind: MediaKind
  fileId: string
  durationSeconds: number | null
}

/** Who a lecture is for: the whole company, or chosen branches. */
export type LectureAudience = { scope: 'company' } | { scope: 'branches'; branchIds: string[] }

/** The audience key of the whole company in lecture listings (branch ids never take this value). */
export const COMPANY_AUDIENCE = 'company'

export interface QuizQuestion {
  /** `q1`, `q2`, … in order; answers refer to questions by it. */
  id: string
  kind: QuestionKind
  text: string
  options: string[]
  /** Indexes of the correct options: exactly one for single choice. Never leaves the server to learners. */
  answer: number[]
}

/**
 * When a learner sees a quiz's right answers: once they pass or have used the day's last attempt (the default),
 * or only once they pass. Never after an attempt that leaves more to try, or the answers could be collected.
 */
export const QUIZ_REVEALS = ['pass_or_last', 'pass'] as const
/** A quiz's limits: the request schema (functions/lectures.ts) and the lecture editor both read them. */
export const QUIZ_LIMITS = { questions: 10, text: 200, option: 100, minOptions: 2, maxOptions: 6 } as const

/** A quiz question as an editor writes it (text not yet trimmed). */
export interface QuizQuestionDraft {
  kind: QuestionKind
  text: string
  options: readonly string[]
  /** Indexes into `options`. */
  answer: readonly number[]
}

/** One thing wrong with a quiz: where (as in the request, from the quiz down) and what, in the editor's words. */
export interface QuizIssue {
  path: (string | number)[]
  message: string
}

/**
 * The quiz rule, in one place: the request schema runs it (a superRefine in functions/lectures.ts) and the
 * lecture editor runs it beside each question, so both say the same thing. Free of zod, so the app does not
 * bundle the schemas. Text is judged as it will be saved: trimmed, and visible to a reader.
 */
export function quizIssues(quiz: { questions: readonly QuizQuestionDraft[] }): QuizIssue[] {
  const issues: QuizIssue[] = []
  const { questions } = quiz
  if (questions.length < 1) issues.push({ path: ['questions'], message: '至少 1 道题' })
  if (questions.length > QUIZ_LIMITS.questions)
    issues.push({ path: ['questions'], message: `最多 ${QUIZ_LIMITS.questions} 道题` })
  questions.slice(0, QUIZ_LIMITS.questions).forEach((q, k) => {
    for (const issue of quizQuestionIssues(q))
      issues.push({ ...issue, path: ['questions', k, ...issue.path] })
  })
  return issues
}

/** What is wrong with one question, most pressing first; paths are within the question. */
export function quizQuestionIssues(q: QuizQuestionDraft): QuizIssue[] {
  const issues: QuizIssue[] = []
  const add = (message: string, ...path: (string | number)[]) => issues.push({ path, message })
  const text = q.text.trim()
  if (!hasVisibleText(text)) add('请填写题目', 'text')
  else if (text.length > QUIZ_LIMITS.text) add(`题目不能超过 ${QUIZ_LIMITS.text} 个字`, 'text')
  if (q.options.length < QUIZ_LIMITS.minOptions) add(`至少 ${QUIZ_LIMITS.minOptions} 个选项`, 'options')
  if (q.options.length > QUIZ_LIMITS.maxOptions) add(`最多 ${QUIZ_LIMITS.maxOptions} 个选项`, 'options')
  else
    q.options.forEach((option, i) => {
      const trimmed = option.trim()
      if (!hasVisibleText(trimmed)) add('选项不能为空', 'options', i)
      else if (trimmed.length > QUIZ_LIMITS.option)
        add(`选项不能超过 ${QUIZ_LIMITS.option} 个字`, 'options', i)
    })
  if (q.answer.length === 0) add('请设置正确答案', 'answer')
  else if (q.kind === 'single' && q.answer.length > 1) add('单选题只有一个正确答案', 'answer')
  else if (q.answer.some((a) => !Number.isInteger(a) || a < 0 || a >= q.options.length))
    add('正确答案不在选项中', 'answer')
  else if (new Set(q.answer).size !== q.answer.length) add('答案重复', 'answer')
  return issues
}
export type QuizReveal = (typeof QUIZ_REVEALS)[number]

export interface LectureQuiz {
  /** Percentage of questions right needed to pass, 0–100. */
  passMark: number
  /** Absent on lectures saved before it existed: `pass_or_last`. */
  reveal?: QuizReveal
  questions: QuizQuestion[]
}

/** A micro-lecture (党员微讲坛 / 指尖课堂). */
export interface Lecture {
  _id: string
  title: string
  speaker: string
  summary: string
  /** Rich text, sanitised on the server against an allow-list before it is stored. */
  body: string
  /** Cloud file id of a cover image. */
  cover: string | null
  media: LectureMedia | null
  audience: LectureAudience
  /** The branch that publishes it (its secretary manages it); null for the committee's own lectures. */
  ownerBranchId: string | null
  /** The branch's or the committee's name, as the list shows it. */
  publisherName: string
  required: boolean
  /** Required lectures are due by the end of this China day (stored as UTC midnight of the day). */
  deadline: Date | null
  /** Counted study time needed to complete it, besides reading or playing to the end. */
  minStudySeconds: number
  quiz: LectureQuiz | null
  status: LectureStatus
  version: number
  authorId: string
  authorName: string
  publishedAt: Date | null
  withdrawnAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/**
 * Where a published lecture is listed: one row per audience key (COMPANY_AUDIENCE or a branch id), so a
 * member's list is one indexed read. `_id` = `<lectureId>:<key>`.
 */
export interface LectureListing {
  _id: string
  lectureId: string
  key: string
  status: LectureStatus
  required: boolean
  deadline: Date | null
  publishedAt: Date
  /** The lecture's cover when published, so a list page can ask for its link with its other reads. */
  cover?: string | null
}

/** A member's quiz results on one lecture. */
export interface StudyQuizSummary {
  attempts: number
  bestScore: number
  passed: boolean
  lastAt: Date | null
  /** The China day (YYYY-MM-DD) of the latest attempt and how many were made that day (3 a day at most). */
  day?: string
  dayAttempts?: number
}

/** A member's study of one lecture: `_id` = `<lectureId>:<personId>`, written only by that member. */
export interface LectureStudy {
  _id: string
  lectureId: string
  personId: string
  personName: string
  /** The member's branch when they started: branch totals count it there. */
  branchId: string | null
  /** 0–1, only ever moves forward. */
  progress: number
  /** Where the member is in the media, in seconds (to resume). */
  position: number
  /** Foreground time of sessions that passed the minimum session time. */
  studySeconds: number
  /** Sessions that passed the minimum time. */
  sessions: number
  /** The session now under way, and its foreground time so far. */
  sessionId: string
  sessionSeconds: number
  /** When the session began, by the server's clock: its time can never exceed the time since. */
  sessionStartedAt: Date | null
  lastBeatAt: Date | null
  /** Counted once as a person-time (培训人次), on the first session that passes the minimum time. */
  counted: boolean
  completed: boolean
  completedAt: Date | null
  quiz: StudyQuizSummary
  startedAt: Date
  updatedAt: Date
}

/** One quiz submission, checked on the server; every attempt is kept. */
export interface QuizAttempt {
  _id: string
  lectureId: string
  personId: string
  answers: Record<string, number[]>
  correct: number
  total: number
  score: number
  passed: boolean
  at: Date
}

export const STUDY_SCOPES = ['lecture', 'member', 'branch'] as const
export type StudyScope = (typeof STUDY_SCOPES)[number]

/**
 * Running study figures of a lecture, a member or a branch; `_id` is `<scope>:<id>`. Kept in the same
 * transaction as the study records they add up.
 */
export interface StudyTotals {
  _id: string
  scope: StudyScope
  /** 培训人次: members who studied (a lecture's learners; a member's lectures started). */
  personTimes: number
  completed: number
  studySeconds: number
  /** When a study last changed it: the dashboard roll-up looks for changes since its last run. */
  updatedAt?: Date
}

/** An auditable step of a lecture's life. */
export interface LectureEvent {
  _id: string
  lectureId: string
  action: LectureAction
  from: LectureStatus | null
  to: LectureStatus
  actorId: string
  actorName: string
  comment: string
  at: Date
}
