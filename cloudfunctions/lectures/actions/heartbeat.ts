import { STUDY_RULES, applyHeartbeat, studyId } from '../../../domain/lectures'
import type { LectureStudy } from '../../../types/entities-community'
import { ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import type { Handler } from '../../_shared/router'
import { learnerOf, lectureToStudy, saveStudy } from '../../_shared/study-writes'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * A study heartbeat. The record is the caller's own (its id is the lecture and the caller, never from the
 * payload); it and the lecture's, member's and branch's totals change in one transaction, so retries and
 * concurrent beats never count time or a person-time twice. See domain/lectures.ts for how time counts.
 */
export const heartbeat: Handler<'lectures', 'heartbeat'> = async (params, { caller }) => {
  const found = await lectureToStudy(caller, params.lectureId)
  if (!found.ok) return found.fail
  const { lecture } = found
  const learner = learnerOf(caller)
  return runInTransaction(async (t) => {
    const before = await txGet<LectureStudy>(t, COLLECTIONS.lectureStudies, studyId(lecture._id, caller._id))
    const { study, delta, added, justCompleted } = applyHeartbeat(
      before,
      lecture,
      learner,
      params,
      new Date(),
    )
    await saveStudy(t, study, delta)
    return ok({
      progress: study.progress,
      studySeconds: study.studySeconds,
      sessionSeconds: study.sessionSeconds,
      sessionCounted: study.sessionSeconds >= STUDY_RULES.minSessionSeconds,
      added,
      completed: study.completed,
      justCompleted,
    })
  })
}
