import {
  QUIZ_ATTEMPTS_PER_DAY,
  applyQuiz,
  gradeQuiz,
  quizAnswerProblems,
  quizAttemptsLeft,
  revealsAnswers,
  studyId,
} from '../../../domain/lectures'
import type { LectureStudy, QuizAttempt } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { now as clockNow } from '../../_shared/clock'
import { newId } from '../../_shared/ids'
import type { Handler } from '../../_shared/router'
import { learnerOf, lectureToStudy, saveStudy } from '../../_shared/study-writes'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * 测验: graded on the server against the key the app never sees. Every attempt is kept; the study record
 * keeps the attempt count, the best score and whether it passed (a pass completes the lecture when the
 * reading and time are done too). Three attempts a day, counted on the study record inside the transaction so
 * simultaneous submissions cannot exceed them; which questions were right, and their answers, only as
 * `revealsAnswers` allows.
 */
export const submitQuiz: Handler<'lectures', 'submitQuiz'> = async ({ lectureId, answers }, { caller }) => {
  const found = await lectureToStudy(caller, lectureId)
  if (!found.ok) return found.fail
  const { lecture } = found
  const quiz = lecture.quiz
  if (!quiz) return fail('CONFLICT', '这个讲坛没有测验')
  const issues = quizAnswerProblems(quiz, answers)
  if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
  const grade = gradeQuiz(quiz, answers)
  const learner = learnerOf(caller)
  return runInTransaction(async (t) => {
    const now = clockNow()
    const before = await txGet<LectureStudy>(t, COLLECTIONS.lectureStudies, studyId(lecture._id, caller._id))
    const left = quizAttemptsLeft(before, now)
    if (left === 0)
      return fail('RATE_LIMITED', `每个讲坛的测验每天最多作答 ${QUIZ_ATTEMPTS_PER_DAY} 次，请明天再试`)
    const { study, delta } = applyQuiz(before, lecture, learner, grade, now)
    const attempt: QuizAttempt = {
      _id: newId('qa'),
      lectureId,
      personId: caller._id,
      answers,
      correct: grade.correct,
      total: grade.total,
      score: grade.score,
      passed: grade.passed,
      at: now,
    }
    await t.collection(COLLECTIONS.quizAttempts).add({ data: attempt })
    await saveStudy(t, study, delta)
    const reveal = revealsAnswers(quiz, study.quiz.passed, left - 1)
    return ok({
      ...grade,
      results: reveal ? grade.results : [],
      answerKey: reveal ? Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer])) : null,
      attemptsLeftToday: left - 1,
      passMark: quiz.passMark,
      attempts: study.quiz.attempts,
      bestScore: study.quiz.bestScore,
      completed: study.completed,
    })
  })
}
