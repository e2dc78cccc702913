import { applyQuiz, gradeQuiz, quizAnswerProblems, studyId } from '../../../domain/lectures'
import type { LectureStudy, QuizAttempt } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import type { Handler } from '../../_shared/router'
import { learnerOf, lectureToStudy, saveStudy } from '../../_shared/study-writes'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * 测验: graded on the server against the key the app never sees. Every attempt is kept; the study record
 * keeps the attempt count, the best score and whether it passed (a pass completes the lecture when the
 * reading and time are done too).
 */
export const submitQuiz: Handler<'lectures', 'submitQuiz'> = async ({ lectureId, answers }, { caller }) => {
  const found = await lectureToStudy(caller, lectureId)
  if (!found.ok) return found.fail
  const { lecture } = found
  if (!lecture.quiz) return fail('CONFLICT', '这个讲坛没有测验')
  const issues = quizAnswerProblems(lecture.quiz, answers)
  if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
  const grade = gradeQuiz(lecture.quiz, answers)
  const learner = learnerOf(caller)
  return runInTransaction(async (t) => {
    const now = new Date()
    const before = await txGet<LectureStudy>(t, COLLECTIONS.lectureStudies, studyId(lecture._id, caller._id))
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
    return ok({
      ...grade,
      passMark: lecture.quiz?.passMark ?? 0,
      attempts: study.quiz.attempts,
      bestScore: study.quiz.bestScore,
      completed: study.completed,
    })
  })
}
