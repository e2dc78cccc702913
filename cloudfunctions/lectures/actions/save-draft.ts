import { chinaDay } from '../../../domain/checkins'
import { parseDay } from '../../../domain/dates'
import { coverOwnerProblem, lectureFileProblem } from '../../../domain/lecture-content'
import { canTargetAudience, creationBranch, defaultAudience } from '../../../domain/lecture-permissions'
import { DEFAULT_MIN_STUDY_SECONDS, publishProblems } from '../../../domain/lectures'
import type { ActionParams } from '../../../types/api'
import type { Person } from '../../../types/entities'
import type { Lecture, LectureAudience, LectureEvent } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import type { Fail, InputIssue } from '../../../types/result'
import { COLLECTIONS, cloud } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { sanitizeLectureBody } from '../../_shared/lecture-body'
import { getCommitteeUnit } from '../../_shared/repositories/lectures'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import { managedLecture } from '../managed'
import { replacing, runInTransaction } from '../../_shared/transaction'

type Params = ActionParams<'lectures', 'saveDraft'>

const normalAudience = (a: LectureAudience): LectureAudience =>
  a.scope === 'company' ? a : { scope: 'branches', branchIds: [...new Set(a.branchIds)].sort() }

/**
 * What is wrong with the inputs that the schema could not see: files not in our storage or of the wrong
 * type, days that do not exist, branches that do not exist, an audience the caller may not reach.
 */
async function inputProblems(params: Params, caller: Person, env: string): Promise<Fail | null> {
  const issues: InputIssue[] = []
  if (params.cover) {
    const problem = lectureFileProblem(params.cover, env, 'image')
    if (problem) issues.push({ path: 'cover', message: problem })
  }
  if (params.media) {
    const problem = lectureFileProblem(params.media.fileId, env, params.media.kind)
    if (problem) issues.push({ path: 'media.fileId', message: problem })
  }
  if (params.deadline && !parseDay(params.deadline))
    issues.push({ path: 'deadline', message: '不是有效的日期' })
  if (params.audience?.scope === 'branches') {
    const units = await getOrgUnitsByIds(params.audience.branchIds)
    params.audience.branchIds.forEach((b, k) => {
      if (units.get(b)?.kind !== 'branch')
        issues.push({ path: `audience.branchIds.${k}`, message: '没有这个支部' })
    })
  }
  if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
  if (params.audience && !canTargetAudience(caller, params.audience)) {
    return fail('FORBIDDEN', '支部书记只能面向本支部发布讲坛', [
      { path: 'audience', message: '只能选择你担任书记的支部' },
    ])
  }
  return null
}

/** Only the fields this save names, as stored; a field left out keeps what was saved. */
function givenFields(params: Params, env: string): Partial<Lecture> {
  const fields: Partial<Lecture> = {
    title: params.title,
    speaker: params.speaker,
    summary: params.summary,
    body: params.body === undefined ? undefined : sanitizeLectureBody(params.body, env),
    cover: params.cover,
    media: params.media,
    audience: params.audience && normalAudience(params.audience),
    required: params.required,
    deadline:
      params.deadline === undefined ? undefined : params.deadline === null ? null : parseDay(params.deadline),
    minStudySeconds: params.minStudyMinutes === undefined ? undefined : params.minStudyMinutes * 60,
    quiz:
      params.quiz === undefined
        ? undefined
        : params.quiz && {
            passMark: params.quiz.passMark,
            reveal: params.quiz.reveal,
            questions: params.quiz.questions.map((q, k) => ({ id: `q${k + 1}`, ...q })),
          },
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

const eventOf = (lecture: Lecture, action: 'create' | 'edit', caller: Person, at: Date): LectureEvent => ({
  _id: newId('lce'),
  lectureId: lecture._id,
  action,
  from: action === 'create' ? null : lecture.status,
  to: lecture.status,
  actorId: caller._id,
  actorName: caller.name,
  comment: '',
  at,
})

async function createDraft(params: Params, caller: Person, env: string) {
  const branch = creationBranch(caller, params.branchId)
  if (!branch.ok) {
    return branch.requested
      ? fail('FORBIDDEN', '只能为自己担任书记的支部新建讲坛', [
          { path: 'branchId', message: '不是你担任书记的支部' },
        ])
      : fail('FORBIDDEN', '只有支部书记和党委可以新建讲坛')
  }
  const { ownerBranchId } = branch
  const publisher =
    ownerBranchId === null
      ? await getCommitteeUnit()
      : (await getOrgUnitsByIds([ownerBranchId])).get(ownerBranchId)
  if (!publisher || (ownerBranchId !== null && publisher.kind !== 'branch')) {
    return fail('NOT_FOUND', '没有找到这个支部', [{ path: 'branchId', message: '没有这个支部' }])
  }
  const cover = params.cover ? coverOwnerProblem(params.cover, caller._id, null) : null
  if (cover) return fail('INVALID_INPUT', cover, [{ path: 'cover', message: cover }])
  const now = new Date()
  const lecture: Lecture = {
    _id: newId('lec'),
    title: '',
    speaker: '',
    summary: '',
    body: '',
    cover: null,
    media: null,
    audience: defaultAudience(ownerBranchId),
    ownerBranchId,
    publisherName: publisher.name,
    required: false,
    deadline: null,
    minStudySeconds: DEFAULT_MIN_STUDY_SECONDS,
    quiz: null,
    status: 'draft',
    version: 1,
    authorId: caller._id,
    authorName: caller.name,
    publishedAt: null,
    withdrawnAt: null,
    createdAt: now,
    updatedAt: now,
    ...givenFields(params, env),
  }
  await runInTransaction(async (t) => {
    await t.collection(COLLECTIONS.lectures).add({ data: lecture })
    await t.collection(COLLECTIONS.lectureEvents).add({ data: eventOf(lecture, 'create', caller, now) })
  })
  const problems = publishProblems(lecture, chinaDay(now))
  return ok({ id: lecture._id, status: lecture.status, version: lecture.version, problems })
}

/** Creates a draft, or saves fields of a draft as its editor types (a published lecture is not edited). */
export const saveDraft: Handler<'lectures', 'saveDraft'> = async (params, { caller }) => {
  const env = cloud.getWXContext().ENV ?? ''
  const problem = await inputProblems(params, caller, env)
  if (problem) return problem
  if (params.id === undefined) return createDraft(params, caller, env)
  if (params.branchId !== undefined) {
    return fail('INVALID_INPUT', '已有讲坛不能改换发布支部', [
      { path: 'branchId', message: '已有讲坛不能改换发布支部' },
    ])
  }
  const id = params.id
  const fields = givenFields(params, env)
  return runInTransaction(async (t) => {
    const found = await managedLecture(t, caller, id, 'edit')
    if (!found.ok) return found.fail
    const before = found.lecture
    const cover = params.cover ? coverOwnerProblem(params.cover, caller._id, before.cover) : null
    if (cover) return fail('INVALID_INPUT', cover, [{ path: 'cover', message: cover }])
    const now = new Date()
    const lecture: Lecture = { ...before, ...fields, version: before.version + 1, updatedAt: now }
    await t
      .collection(COLLECTIONS.lectures)
      .doc(id)
      .update({ data: replacing({ ...fields, version: lecture.version, updatedAt: now }) })
    await t.collection(COLLECTIONS.lectureEvents).add({ data: eventOf(lecture, 'edit', caller, now) })
    const problems = publishProblems(lecture, chinaDay(now))
    return ok({ id, status: lecture.status, version: lecture.version, problems })
  })
}
