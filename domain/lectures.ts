import { COMPANY_AUDIENCE } from '../types/entities-community'
import type {
  Lecture,
  LectureQuiz,
  LectureStudy,
  StudyQuizSummary,
  StudyScope,
  StudyTotals,
} from '../types/entities-community'
import type { DueState } from '../types/entities'
import { chinaDay, dueState } from './checkins'
import { formatDay } from './dates'
import { bodyHasContent } from './lecture-content'

/**
 * How study time is counted (as 学习强国 does): only foreground time the app reports, at most a minute per
 * heartbeat and never more than the time that really passed; a session counts only once it reaches the
 * minimum, and then all of it counts.
 */
export const STUDY_RULES = {
  minSessionSeconds: 30,
  maxBeatSeconds: 60,
  /** Network and timer jitter allowed, once per session, on top of the time that really passed. */
  beatSlackSeconds: 5,
  /** Read or played this far (0–1) counts as to the end. */
  completeAt: 0.95,
} as const

/** Counted time a new lecture asks for, unless its editor says otherwise. */
export const DEFAULT_MIN_STUDY_SECONDS = 120

export const LECTURE_LIMITS = { title: 60, speaker: 30, summary: 200, body: 30_000, questions: 10 } as const

/** Who is studying: the record's owner, as the router resolved them (never from the payload). */
export interface Learner {
  personId: string
  personName: string
  branchId: string | null
}

/** What the app reports in a heartbeat. */
export interface Beat {
  sessionId: string
  progress: number
  position: number
  seconds: number
}

/** What one write adds to the running totals of the lecture, the member and the branch. */
export interface StudyDelta {
  personTimes: number
  completed: number
  studySeconds: number
}

const NO_QUIZ: StudyQuizSummary = { attempts: 0, bestScore: 0, passed: false, lastAt: null }

export function newStudy(lectureId: string, learner: Learner, now: Date): LectureStudy {
  return {
    _id: studyId(lectureId, learner.personId),
    lectureId,
    personId: learner.personId,
    personName: learner.personName,
    branchId: learner.branchId,
    progress: 0,
    position: 0,
    studySeconds: 0,
    sessions: 0,
    sessionId: '',
    sessionSeconds: 0,
    sessionStartedAt: null,
    lastBeatAt: null,
    counted: false,
    completed: false,
    completedAt: null,
    quiz: { ...NO_QUIZ },
    startedAt: now,
    updatedAt: now,
  }
}

export const studyId = (lectureId: string, personId: string): string => `${lectureId}:${personId}`

/** The listing keys a lecture is found under: the whole company, or each of its branches. */
export const listingKeys = (lecture: Pick<Lecture, 'audience'>): string[] =>
  lecture.audience.scope === 'company' ? [COMPANY_AUDIENCE] : lecture.audience.branchIds

export const listingId = (lectureId: string, key: string): string => `${lectureId}:${key}`

type CompletionRule = Pick<Lecture, 'minStudySeconds' | 'quiz'>

/** Complete: read or played to the end, the lecture's counted time met, and its quiz (if any) passed. */
export const meetsCompletion = (
  s: Pick<LectureStudy, 'progress' | 'studySeconds' | 'quiz'>,
  lecture: CompletionRule,
): boolean =>
  s.progress >= STUDY_RULES.completeAt &&
  s.studySeconds >= lecture.minStudySeconds &&
  (lecture.quiz === null || s.quiz.passed)

/** Adds completion (once, never taken back) and the delta against `before`. */
function settle(
  before: LectureStudy | null,
  next: LectureStudy,
  lecture: CompletionRule,
  now: Date,
  studySeconds: number,
): { study: LectureStudy; delta: StudyDelta; justCompleted: boolean } {
  const justCompleted = !next.completed && meetsCompletion(next, lecture)
  const study = justCompleted ? { ...next, completed: true, completedAt: now } : next
  const wasCounted = before?.counted ?? false
  return {
    study,
    justCompleted,
    delta: {
      personTimes: study.counted && !wasCounted ? 1 : 0,
      completed: justCompleted ? 1 : 0,
      studySeconds,
    },
  }
}

const seconds = (ms: number): number => ms / 1000

/**
 * The study record after one heartbeat at `now`. Progress only moves forward. A session never holds more
 * foreground time than really passed since it started (plus one slack): its first heartbeat may claim no
 * more than passed since the previous heartbeat of any session, and later ones only what is left of that
 * budget, so neither rapid heartbeats nor a stream of new sessions add time. A new session id starts a new
 * session, whose time counts only once it reaches the minimum, and then from its first second.
 */
export function applyHeartbeat(
  before: LectureStudy | null,
  lecture: Pick<Lecture, '_id'> & CompletionRule,
  learner: Learner,
  beat: Beat,
  now: Date,
): { study: LectureStudy; delta: StudyDelta; added: number; justCompleted: boolean } {
  const s = before ?? newStudy(lecture._id, learner, now)
  const { maxBeatSeconds, beatSlackSeconds, minSessionSeconds } = STUDY_RULES
  const sameSession = s.sessionId === beat.sessionId && s.lastBeatAt !== null
  const sessionBefore = sameSession ? s.sessionSeconds : 0
  const lastBeat = s.lastBeatAt === null ? null : new Date(s.lastBeatAt).getTime()
  const started = sameSession
    ? new Date(s.sessionStartedAt ?? (lastBeat as number) - s.sessionSeconds * 1000).getTime()
    : null
  const allowed =
    started !== null
      ? Math.floor(seconds(now.getTime() - started) + beatSlackSeconds) - sessionBefore
      : lastBeat !== null
        ? Math.floor(seconds(now.getTime() - lastBeat) + beatSlackSeconds)
        : maxBeatSeconds
  const credit = Math.max(0, Math.min(beat.seconds, maxBeatSeconds, allowed))
  const sessionAfter = sessionBefore + credit
  const wasCounted = sessionBefore >= minSessionSeconds
  const isCounted = sessionAfter >= minSessionSeconds
  const added = isCounted ? (wasCounted ? credit : sessionAfter) : 0
  const studySeconds = s.studySeconds + added
  const next: LectureStudy = {
    ...s,
    progress: Math.max(s.progress, beat.progress),
    position: beat.position,
    studySeconds,
    sessions: s.sessions + (isCounted && !wasCounted ? 1 : 0),
    sessionId: beat.sessionId,
    sessionSeconds: sessionAfter,
    sessionStartedAt: started !== null ? new Date(started) : new Date(now.getTime() - credit * 1000),
    lastBeatAt: now,
    counted: s.counted || studySeconds > 0,
    updatedAt: now,
  }
  return { ...settle(before, next, lecture, now, added), added }
}

export interface QuizGrade {
  correct: number
  total: number
  score: number
  passed: boolean
  results: { questionId: string; correct: boolean }[]
}

/** What is wrong with a set of answers to `quiz`: a question it does not have, or choices it does not offer. */
export function quizAnswerProblems(
  quiz: LectureQuiz,
  answers: Record<string, number[]>,
): { path: string; message: string }[] {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]))
  return Object.entries(answers).flatMap(([id, chosen]) => {
    const q = byId.get(id)
    const path = `answers.${id}`
    if (!q) return [{ path, message: '没有这道题' }]
    if (chosen.some((c) => c >= q.options.length)) return [{ path, message: '没有这个选项' }]
    if (q.kind === 'single' && chosen.length > 1) return [{ path, message: '单选题只能选一项' }]
    return []
  })
}

/** Right only when exactly the correct options are chosen; an unanswered question is wrong. */
export function gradeQuiz(quiz: LectureQuiz, answers: Record<string, number[]>): QuizGrade {
  const results = quiz.questions.map((q) => {
    const chosen = new Set(answers[q.id] ?? [])
    const correct = chosen.size === q.answer.length && q.answer.every((a) => chosen.has(a))
    return { questionId: q.id, correct }
  })
  const correct = results.filter((r) => r.correct).length
  const total = quiz.questions.length
  const score = total === 0 ? 0 : Math.round((correct / total) * 100)
  return { correct, total, score, passed: score >= quiz.passMark, results }
}

/** Quiz attempts a learner may make on one lecture in a (China) day. */
export const QUIZ_ATTEMPTS_PER_DAY = 3

/** Attempts left on the day of `now`, after those the study record counts for that day. */
export function quizAttemptsLeft(s: Pick<LectureStudy, 'quiz'> | null, now: Date): number {
  const used = s && s.quiz.day === chinaDay(now) ? (s.quiz.dayAttempts ?? 0) : 0
  return Math.max(0, QUIZ_ATTEMPTS_PER_DAY - used)
}

/**
 * Whether an attempt's result may show which questions were right and their right options: once the learner
 * has passed, or (unless the lecture says `pass`) when no attempt is left today. Before that, showing them
 * would hand the answers to the next attempt.
 */
export const revealsAnswers = (
  quiz: Pick<LectureQuiz, 'reveal'>,
  passed: boolean,
  attemptsLeftToday: number,
): boolean => passed || ((quiz.reveal ?? 'pass_or_last') === 'pass_or_last' && attemptsLeftToday === 0)

/** The study record after a graded quiz attempt: attempts counted (also per day), best score kept, a pass never lost. */
export function applyQuiz(
  before: LectureStudy | null,
  lecture: Pick<Lecture, '_id'> & CompletionRule,
  learner: Learner,
  grade: QuizGrade,
  now: Date,
): { study: LectureStudy; delta: StudyDelta; justCompleted: boolean } {
  const s = before ?? newStudy(lecture._id, learner, now)
  const next: LectureStudy = {
    ...s,
    quiz: {
      attempts: s.quiz.attempts + 1,
      bestScore: Math.max(s.quiz.bestScore, grade.score),
      passed: s.quiz.passed || grade.passed,
      lastAt: now,
      day: chinaDay(now),
      dayAttempts: QUIZ_ATTEMPTS_PER_DAY - quizAttemptsLeft(s, now) + 1,
    },
    updatedAt: now,
  }
  return settle(before, next, lecture, now, 0)
}

/** What keeps a draft from being published, in the form's order. `today` is YYYY-MM-DD (China). */
export function publishProblems(
  lecture: Pick<Lecture, 'title' | 'speaker' | 'summary' | 'body' | 'media' | 'required' | 'deadline'>,
  today: string,
): string[] {
  const problems: string[] = []
  if (lecture.title.trim() === '') problems.push('请填写标题')
  if (lecture.speaker.trim() === '') problems.push('请填写主讲人')
  if (lecture.summary.trim() === '') problems.push('请填写简介')
  if (!bodyHasContent(lecture.body) && lecture.media === null) problems.push('请填写正文或添加音视频')
  if (lecture.required && lecture.deadline === null) problems.push('必学讲坛请设置完成期限')
  if (lecture.deadline !== null && formatDay(lecture.deadline) < today) problems.push('完成期限不能早于今天')
  return problems
}

/** 学习时长 in hours, to one decimal. */
export const studyHours = (seconds: number): number => Math.round(seconds / 360) / 10

/** Where a required lecture stands for a member on `today`; null for lectures that are not required. */
export function studyDueState(
  lecture: Pick<Lecture, 'required' | 'deadline'>,
  completed: boolean,
  today: string,
): DueState | null {
  if (!lecture.required) return null
  return dueState(lecture.deadline ? formatDay(lecture.deadline) : null, completed, today)
}

/**
 * Whether a member is late with a required lecture (what the reminders sweep looks for): past its
 * deadline's day and not completed.
 */
export const isStudyOverdue = (
  lecture: Pick<Lecture, 'required' | 'deadline'>,
  completed: boolean,
  today: string,
): boolean => studyDueState(lecture, completed, today) === 'overdue'

export const totalsId = (scope: StudyScope, id: string): string => `${scope}:${id}`

/** The totals documents a study record adds to: its lecture's, its member's and (if any) its branch's. */
export function totalsOf(s: Pick<LectureStudy, 'lectureId' | 'personId' | 'branchId'>) {
  return [
    { _id: totalsId('lecture', s.lectureId), scope: 'lecture' as const },
    { _id: totalsId('member', s.personId), scope: 'member' as const },
    ...(s.branchId ? [{ _id: totalsId('branch', s.branchId), scope: 'branch' as const }] : []),
  ]
}

/** Whether a delta changes anything (most heartbeats of a finished session do not). */
export const isEmptyDelta = (d: StudyDelta): boolean =>
  d.personTimes === 0 && d.completed === 0 && d.studySeconds === 0

/** The totals recounted from the study records alone: what totals kept write by write must equal. */
export function recountStudies(
  studies: Iterable<
    Pick<LectureStudy, 'lectureId' | 'personId' | 'branchId' | 'counted' | 'completed' | 'studySeconds'>
  >,
): StudyTotals[] {
  const out = new Map<string, StudyTotals>()
  for (const s of studies) {
    // A record of quiz attempts alone has added nothing to any total yet.
    if (!s.counted && !s.completed && s.studySeconds === 0) continue
    for (const { _id, scope } of totalsOf(s)) {
      const t = out.get(_id) ?? { _id, scope, personTimes: 0, completed: 0, studySeconds: 0 }
      t.personTimes += s.counted ? 1 : 0
      t.completed += s.completed ? 1 : 0
      t.studySeconds += s.studySeconds
      out.set(_id, t)
    }
  }
  return [...out.values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}
