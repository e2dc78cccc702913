import { inAudience } from '../../domain/lecture-permissions'
import { isEmptyDelta, totalsOf } from '../../domain/lectures'
import type { Learner, StudyDelta } from '../../domain/lectures'
import type { Person } from '../../types/entities'
import type { Lecture, LectureStudy, StudyTotals } from '../../types/entities-community'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { COLLECTIONS } from './cloud'
import { getLecture } from './repositories/lectures'
import type { Tx } from './transaction'
import { txGet } from './transaction'

/** A published lecture the caller is in the audience of: the only kind anyone studies. */
export async function lectureToStudy(
  caller: Person,
  lectureId: string,
): Promise<{ ok: true; lecture: Lecture } | { ok: false; fail: Fail }> {
  const lecture = await getLecture(lectureId)
  if (!lecture || lecture.status === 'draft')
    return { ok: false, fail: fail('NOT_FOUND', '没有找到这个讲坛') }
  if (!inAudience(caller, lecture.audience)) {
    return { ok: false, fail: fail('FORBIDDEN', '这个讲坛不面向你所在的支部') }
  }
  if (lecture.status !== 'published') return { ok: false, fail: fail('CONFLICT', '讲坛已撤回，不再记录学习') }
  return { ok: true, lecture }
}

/** The caller as a learner: their study counts for the branch they belong to. */
export const learnerOf = (caller: Person): Learner => ({
  personId: caller._id,
  personName: caller.name,
  branchId: caller.branchId,
})

/** Writes a study record and adds its delta to the lecture's, member's and branch's totals, inside `t`. */
export async function saveStudy(t: Tx, study: LectureStudy, delta: StudyDelta): Promise<void> {
  const { _id, ...data } = study
  await t.collection(COLLECTIONS.lectureStudies).doc(_id).set({ data })
  if (isEmptyDelta(delta)) return
  for (const { _id: id, scope } of totalsOf(study)) {
    const before = await txGet<StudyTotals>(t, COLLECTIONS.studyTotals, id)
    await t
      .collection(COLLECTIONS.studyTotals)
      .doc(id)
      .set({
        data: {
          scope,
          personTimes: (before?.personTimes ?? 0) + delta.personTimes,
          completed: (before?.completed ?? 0) + delta.completed,
          studySeconds: (before?.studySeconds ?? 0) + delta.studySeconds,
          updatedAt: new Date(),
        },
      })
  }
}
