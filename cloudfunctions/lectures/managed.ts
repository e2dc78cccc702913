import { canManageLecture } from '../../domain/lecture-permissions'
import type { Actor } from '../../domain/roles'
import type { Lecture } from '../../types/entities-community'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { COLLECTIONS } from '../_shared/cloud'
import { txGet } from '../_shared/transaction'
import type { Tx } from '../_shared/transaction'

/**
 * The lecture `id`, read in `t`, for a change only its publishing branch's secretaries and the committee make
 * (修改, 发布, 撤回): to anyone else a lecture that is not published does not exist, and a published one is
 * refused with `forbidden`.
 */
export async function managedLecture(
  t: Tx,
  caller: Actor,
  id: string,
  forbidden: string,
): Promise<{ ok: true; lecture: Lecture } | { ok: false; fail: Fail }> {
  const lecture = await txGet<Lecture>(t, COLLECTIONS.lectures, id)
  if (!lecture || (lecture.status !== 'published' && !canManageLecture(caller, lecture))) {
    return { ok: false, fail: fail('NOT_FOUND', '没有找到这个讲坛') }
  }
  if (!canManageLecture(caller, lecture)) return { ok: false, fail: fail('FORBIDDEN', forbidden) }
  return { ok: true, lecture }
}
