import { chinaDay } from '../../../domain/checkins'
import { canManageLecture, canReadLecture, lectureActions } from '../../../domain/lecture-permissions'
import { publishProblems, studyId } from '../../../domain/lectures'
import type { LectureDetail } from '../../../types/functions/lectures'
import { fail, ok } from '../../../types/result'
import { STUDY_CLIENT_RULES, toListItem } from '../../_shared/lecture-views'
import { getLecture, getStudies } from '../../_shared/repositories/lectures'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import { bodyImageIds, tempUrls } from '../../_shared/temp-urls'

/**
 * A lecture page: the lecture, the caller's study record and (for a branch audience) the branch names. The
 * quiz goes out without its answers; only the lecture's editors get the answer key, to edit it.
 */
export const get: Handler<'lectures', 'get'> = async ({ id }, { caller }) => {
  const [lecture, studies] = await Promise.all([getLecture(id), getStudies([studyId(id, caller._id)])])
  const editor = lecture !== null && canManageLecture(caller, lecture)
  if (!lecture || (lecture.status !== 'published' && !editor)) return fail('NOT_FOUND', '没有找到这个讲坛')
  if (!canReadLecture(caller, lecture)) return fail('FORBIDDEN', '这个讲坛不面向你所在的支部')
  const { audience, quiz } = lecture
  const [units, bodyImages] = await Promise.all([
    audience.scope === 'branches' ? getOrgUnitsByIds(audience.branchIds) : null,
    tempUrls(bodyImageIds(lecture.body)),
  ])
  const today = chinaDay(new Date())
  const detail: LectureDetail = {
    ...toListItem(lecture, studies[0] ?? null, today),
    body: lecture.body,
    bodyImages,
    media: lecture.media,
    audience:
      audience.scope === 'company'
        ? { scope: 'company' }
        : {
            scope: 'branches',
            branches: audience.branchIds.map((b) => ({ id: b, name: units?.get(b)?.name ?? '' })),
          },
    minStudySeconds: lecture.minStudySeconds,
    quiz: quiz && {
      passMark: quiz.passMark,
      reveal: quiz.reveal ?? 'pass_or_last',
      questions: quiz.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options })),
    },
    answerKey: editor && quiz ? Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer])) : null,
    author: { id: lecture.authorId, name: lecture.authorName },
    version: lecture.version,
    can: lectureActions(caller, lecture),
    problems: editor && lecture.status === 'draft' ? publishProblems(lecture, today) : [],
    study: STUDY_CLIENT_RULES,
  }
  return ok(detail)
}
