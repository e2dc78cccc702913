import { formatDay } from '../../domain/dates'
import { STUDY_RULES, studyDueState, studyHours } from '../../domain/lectures'
import type { Lecture, LectureStudy, StudyTotals } from '../../types/entities-community'
import type { LectureListItem, StudyFigures, StudyView } from '../../types/functions/lectures'
import { iso } from './project-views'

export function toStudyView(s: LectureStudy | null, lecture: Pick<Lecture, 'quiz'>): StudyView | null {
  if (!s) return null
  return {
    progress: s.progress,
    position: s.position,
    studySeconds: s.studySeconds,
    completed: s.completed,
    completedAt: s.completedAt ? iso(s.completedAt) : null,
    quiz: lecture.quiz
      ? { attempts: s.quiz.attempts, bestScore: s.quiz.bestScore, passed: s.quiz.passed }
      : null,
  }
}

/** A lecture as lists show it, with the caller's study of it; `today` is YYYY-MM-DD (China). */
export function toListItem(l: Lecture, study: LectureStudy | null, today: string): LectureListItem {
  return {
    id: l._id,
    title: l.title,
    speaker: l.speaker,
    summary: l.summary,
    cover: l.cover,
    mediaKind: l.media?.kind ?? null,
    publisherName: l.publisherName,
    required: l.required,
    deadline: l.deadline ? formatDay(l.deadline) : null,
    dueState: studyDueState(l, study?.completed ?? false, today),
    hasQuiz: l.quiz !== null,
    status: l.status,
    publishedAt: l.publishedAt ? iso(l.publishedAt) : null,
    updatedAt: iso(l.updatedAt),
    my: toStudyView(study, l),
  }
}

export function toFigures(
  t: Pick<StudyTotals, 'personTimes' | 'completed' | 'studySeconds'> | undefined,
): StudyFigures {
  const studySeconds = t?.studySeconds ?? 0
  return {
    personTimes: t?.personTimes ?? 0,
    completed: t?.completed ?? 0,
    studySeconds,
    studyHours: studyHours(studySeconds),
  }
}

/** The heartbeat rules the app follows, sent with every lecture page. */
export const STUDY_CLIENT_RULES = {
  minSessionSeconds: STUDY_RULES.minSessionSeconds,
  maxBeatSeconds: STUDY_RULES.maxBeatSeconds,
  completeAt: STUDY_RULES.completeAt,
}
