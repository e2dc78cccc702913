import type { LectureDetail, LectureListItem, StudyView } from '@contract/api'
import type { MediaKind } from '@contract/entities-community'
import { STUDY_RULES } from '@domain/lectures'

const pad = (n: number) => String(n).padStart(2, '0')

/** Seconds as a clock, mm:ss (h:mm:ss from an hour): the session timer and the player's position. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`
}

/** Whole minutes, rounded down: counted study time is never shown as more than it is. */
export const minutesOf = (seconds: number): number => Math.floor(Math.max(0, seconds) / 60)

/** 0–1 as a whole percentage, rounded down so that "100%" means really at the end. */
export const percentOf = (fraction: number): number =>
  Math.floor(Math.min(1, Math.max(0, fraction)) * 100 + 1e-9)

/**
 * Where I stand with a lecture, in words: 未开始, 已学 40%, 已学完 — and 待测验 when only the quiz is
 * left. `completeAt` is the reading that counts as the end (LectureDetail.study; lists use the same rule).
 */
export function progressWord(
  my: StudyView | null,
  hasQuiz: boolean,
  completeAt: number = STUDY_RULES.completeAt,
): string {
  if (!my || (my.progress === 0 && my.studySeconds === 0)) return '未开始'
  if (my.completed) return '已学完'
  const read = `已学 ${percentOf(my.progress)}%`
  return hasQuiz && my.progress >= completeAt && !my.quiz?.passed ? `${read} · 待测验` : read
}

/** YYYY-MM-DD as members read a deadline: 12月10日, with the year when it is not this year's. */
export function dayText(day: string, thisYear: number = new Date().getFullYear()): string {
  const [y, m, d] = day.split('-').map(Number)
  return y === thisYear ? `${m}月${d}日` : `${y}年${m}月${d}日`
}

/** The deadline line of a required lecture: 截止 12月10日, or 未定期限. */
export const deadlineWords = (item: Pick<LectureListItem, 'deadline'>): string =>
  item.deadline ? `截止 ${dayText(item.deadline)}` : '未定期限'

/** How the lecture is taken in, for the words that say what is left: 读完全文, 听完音频, 看完视频. */
export function finishWords(hasBody: boolean, media: MediaKind | null): string {
  const listen = media === 'audio' ? '听完音频' : media === 'video' ? '看完视频' : null
  if (!listen) return '读完全文'
  return hasBody ? `读完全文或${listen}` : listen
}

export interface StudyStanding {
  progress: number
  studySeconds: number
  completed: boolean
  quizPassed: boolean
}

/**
 * What is still needed to finish a lecture, in words, in the order a member goes through it; empty once
 * it is complete. The same three conditions the function checks (domain/lectures meetsCompletion).
 */
export function remainingWords(
  lecture: Pick<LectureDetail, 'minStudySeconds' | 'quiz' | 'media' | 'study'> & { hasBody: boolean },
  s: StudyStanding,
): string[] {
  if (s.completed) return []
  const left: string[] = []
  if (s.progress < lecture.study.completeAt)
    left.push(`还需${finishWords(lecture.hasBody, lecture.media?.kind ?? null)}`)
  const seconds = lecture.minStudySeconds - s.studySeconds
  if (seconds > 0) left.push(`还需学习 ${Math.ceil(seconds / 60)} 分钟`)
  if (lecture.quiz && !s.quizPassed) left.push(`还需通过测验（${lecture.quiz.passMark} 分及格）`)
  return left
}

const OPTION_LETTERS = 'ABCDEF'

/** A quiz's right answers in words, question by question: 第 1 题 A；第 2 题 A、C. */
export const answerKeyWords = (key: Record<string, number[]>): string =>
  Object.values(key)
    .map((options, k) => `第 ${k + 1} 题 ${options.map((o) => OPTION_LETTERS[o] ?? '?').join('、')}`)
    .join('；')
