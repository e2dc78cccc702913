import { canManageLecture } from '../../domain/lecture-permissions'
import type { Actor } from '../../domain/roles'
import type { Lecture, LectureStatus } from '../../types/entities-community'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { COLLECTIONS } from '../_shared/cloud'
import { txGet } from '../_shared/transaction'
import type { Tx } from '../_shared/transaction'

/** The changes only a lecture's publishing branch's secretaries and the committee make: the state each needs. */
const CHANGES = {
  edit: {
    verb: '修改',
    from: 'draft',
    refused: { published: '讲坛已发布，不能修改', withdrawn: '讲坛已撤回，不能修改' },
  },
  publish: {
    verb: '发布',
    from: 'draft',
    refused: { published: '讲坛已发布', withdrawn: '讲坛已撤回，不能再发布' },
  },
  withdraw: { verb: '撤回', from: 'published', refused: { draft: '讲坛还未发布', withdrawn: '讲坛已撤回' } },
} as const satisfies Record<
  string,
  { verb: string; from: LectureStatus; refused: Partial<Record<LectureStatus, string>> }
>

/**
 * The lecture `id`, read in `t`, for `change` (修改, 发布, 撤回): to anyone who may not manage it a lecture that
 * is not published does not exist and a published one is refused; one in another state than the change needs
 * is a CONFLICT that says why.
 */
export async function managedLecture(
  t: Tx,
  caller: Actor,
  id: string,
  change: keyof typeof CHANGES,
): Promise<{ ok: true; lecture: Lecture } | { ok: false; fail: Fail }> {
  const lecture = await txGet<Lecture>(t, COLLECTIONS.lectures, id)
  const manages = !!lecture && canManageLecture(caller, lecture)
  if (!lecture || (lecture.status !== 'published' && !manages)) {
    return { ok: false, fail: fail('NOT_FOUND', '没有找到这个讲坛') }
  }
  const { verb, from, refused } = CHANGES[change]
  if (!manages) {
    return { ok: false, fail: fail('FORBIDDEN', `只有发布支部的书记和党委可以${verb}讲坛`) }
  }
  if (lecture.status !== from) {
    const why: string | undefined = (refused as Partial<Record<LectureStatus, string>>)[lecture.status]
    return { ok: false, fail: fail('CONFLICT', why ?? '讲坛状态已改变') }
  }
  return { ok: true, lecture }
}

/** The lecture goes to `status` at `now` (publishedAt, withdrawnAt), one version on: answers that version. */
export async function moveLecture(
  t: Tx,
  lecture: Pick<Lecture, '_id' | 'version'>,
  status: 'published' | 'withdrawn',
  now: Date,
): Promise<number> {
  const version = lecture.version + 1
  const at = status === 'published' ? 'publishedAt' : 'withdrawnAt'
  await t
    .collection(COLLECTIONS.lectures)
    .doc(lecture._id)
    .update({ data: { status, [at]: now, updatedAt: now, version } })
  return version
}
