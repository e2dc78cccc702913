import type { LectureDetail } from '@contract/api'
import type { LectureMedia, QuestionKind, QuizReveal } from '@contract/entities-community'
import { QUIZ_LIMITS, quizIssues, quizQuestionIssues } from '@contract/entities-community'
import { DEFAULT_MIN_STUDY_SECONDS, LECTURE_LIMITS } from '@domain/lectures'
import type { LectureDraftInput } from './api/lectures'
import { bodyFromText, textFromBody } from './lecture-body'

/** Typed text of the body: the HTML it becomes must stay under the function's 30,000 characters. */
export const BODY_TEXT_LIMIT = 10_000
export const MAX_BODY_IMAGES = 9
/** The function's limits on a quiz, from its request schema. */
export { QUIZ_LIMITS }
export const STUDY_MINUTES = { min: 1, max: 120 } as const
export const PASS_MARK_STEP = 10

export interface DraftQuestion {
  kind: QuestionKind
  text: string
  options: string[]
  /** Indexes of the correct options. */
  answer: number[]
}

export interface DraftQuiz {
  passMark: number
  reveal: QuizReveal
  questions: DraftQuestion[]
}

export type DraftAudience = { scope: 'company' } | { scope: 'branches'; branchIds: string[] }

/** The lecture editor's form. The body is plain text plus images; it becomes HTML only when sent. */
export interface LectureValues {
  title: string
  speaker: string
  summary: string
  bodyText: string
  /** Cloud file ids of the body's images, shown after the text. */
  images: string[]
  cover: string | null
  media: LectureMedia | null
  audience: DraftAudience
  required: boolean
  /** YYYY-MM-DD; only sent for a required lecture. */
  deadline: string | null
  minStudyMinutes: number
  quiz: DraftQuiz | null
}

export const emptyQuestion = (): DraftQuestion => ({
  kind: 'single',
  text: '',
  options: ['', ''],
  answer: [],
})

export const emptyQuiz = (): DraftQuiz => ({
  passMark: 60,
  reveal: 'pass_or_last',
  questions: [emptyQuestion()],
})

/** A new lecture: a secretary's goes to their branch, the committee's to the whole company (as the function does). */
export const emptyLecture = (audience: DraftAudience): LectureValues => ({
  title: '',
  speaker: '',
  summary: '',
  bodyText: '',
  images: [],
  cover: null,
  media: null,
  audience,
  required: false,
  deadline: null,
  minStudyMinutes: DEFAULT_MIN_STUDY_SECONDS / 60,
  quiz: null,
})

/** A saved lecture as the form holds it; the quiz's correct options come from the editors' answer key. */
export function fromDetail(d: LectureDetail): LectureValues {
  const { text, images } = textFromBody(d.body)
  return {
    title: d.title,
    speaker: d.speaker,
    summary: d.summary,
    bodyText: text,
    images,
    cover: d.cover,
    media: d.media,
    audience:
      d.audience.scope === 'company'
        ? { scope: 'company' }
        : { scope: 'branches', branchIds: d.audience.branches.map((b) => b.id) },
    required: d.required,
    deadline: d.deadline,
    minStudyMinutes: Math.min(
      STUDY_MINUTES.max,
      Math.max(STUDY_MINUTES.min, Math.round(d.minStudySeconds / 60)),
    ),
    quiz: d.quiz && {
      passMark: d.quiz.passMark,
      reveal: d.quiz.reveal,
      questions: d.quiz.questions.map((q) => ({
        kind: q.kind,
        text: q.text,
        options: [...q.options],
        answer: [...(d.answerKey?.[q.id] ?? [])],
      })),
    },
  }
}

/** Switching to 单选题 keeps only the first correct option. */
export const withKind = (q: DraftQuestion, kind: QuestionKind): DraftQuestion => ({
  ...q,
  kind,
  answer: kind === 'single' ? q.answer.slice(0, 1) : q.answer,
})

/** Marks or unmarks an option as correct; in a 单选题 marking one unmarks the other. */
export function toggleAnswer(q: DraftQuestion, index: number): DraftQuestion {
  if (q.answer.includes(index)) return { ...q, answer: q.answer.filter((a) => a !== index) }
  return { ...q, answer: q.kind === 'single' ? [index] : [...q.answer, index].sort((a, b) => a - b) }
}

export const withOption = (q: DraftQuestion): DraftQuestion =>
  q.options.length >= QUIZ_LIMITS.maxOptions ? q : { ...q, options: [...q.options, ''] }

/** Removes an option; the correct answers after it move up with their options. */
export function withoutOption(q: DraftQuestion, index: number): DraftQuestion {
  if (q.options.length <= QUIZ_LIMITS.minOptions) return q
  return {
    ...q,
    options: q.options.filter((_, k) => k !== index),
    answer: q.answer.filter((a) => a !== index).map((a) => (a > index ? a - 1 : a)),
  }
}

/** What is wrong with one question, or null: the quiz rule the function runs, said beside the question. */
export const questionProblem = (q: DraftQuestion): string | null => quizQuestionIssues(q)[0]?.message ?? null

/**
 * What keeps the form from being saved at all (the function would refuse it): an unfinished quiz question,
 * a body too long, an audience with no branch. What keeps a saved draft from being published comes back
 * from the function as `problems`.
 */
export function formProblems(v: LectureValues): string[] {
  const problems: string[] = []
  if (bodyFromText(v.bodyText, v.images).length > LECTURE_LIMITS.body) problems.push('正文过长，请删减')
  if (v.audience.scope === 'branches' && v.audience.branchIds.length === 0) problems.push('请选择面向的支部')
  const seen = new Set<number>()
  for (const { path, message } of v.quiz ? quizIssues(v.quiz) : []) {
    const k = typeof path[1] === 'number' ? path[1] : null
    if (k === null) problems.push(`测验：${message}`)
    // One problem a question, as beside it.
    else if (!seen.has(k)) {
      seen.add(k)
      problems.push(`测验第 ${k + 1} 题：${message}`)
    }
  }
  return problems
}

/** The saveDraft payload: every field, the id once there is one, the branch only when creating. */
export function draftPayload(
  v: LectureValues,
  id: string | undefined,
  branchId: string | undefined,
): LectureDraftInput {
  return {
    ...(id ? { id } : branchId ? { branchId } : {}),
    title: v.title.trim(),
    speaker: v.speaker.trim(),
    summary: v.summary.trim(),
    body: bodyFromText(v.bodyText, v.images),
    cover: v.cover,
    media: v.media,
    audience: v.audience.scope === 'company' ? { scope: 'company' } : { ...v.audience },
    required: v.required,
    deadline: v.required ? v.deadline : null,
    minStudyMinutes: v.minStudyMinutes,
    quiz: v.quiz && {
      passMark: v.quiz.passMark,
      reveal: v.quiz.reveal,
      questions: v.quiz.questions.map((q) => ({
        kind: q.kind,
        text: q.text.trim(),
        options: q.options.map((o) => o.trim()),
        answer: [...q.answer],
      })),
    },
  }
}
