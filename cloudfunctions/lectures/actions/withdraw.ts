import { listingId, listingKeys } from '../../../domain/lectures'
import type { LectureEvent } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { dropFromSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { managedLecture } from '../managed'
import { runInTransaction } from '../../_shared/transaction'

/**
 * 撤回: a published lecture leaves every list. Nothing is deleted: the lecture, its listings (marked withdrawn)
 * and everyone's study records stay, and an event says who withdrew it and why.
 */
export const withdraw: Handler<'lectures', 'withdraw'> = async ({ id, reason }, { caller }) => {
  const res = await runInTransaction(async (t) => {
    const found = await managedLecture(t, caller, id, '只有发布支部的书记和党委可以撤回讲坛')
    if (!found.ok) return found.fail
    const lecture = found.lecture
    if (lecture.status !== 'published') {
      return fail('CONFLICT', lecture.status === 'draft' ? '讲坛还未发布' : '讲坛已撤回')
    }
    const now = new Date()
    const version = lecture.version + 1
    await t
      .collection(COLLECTIONS.lectures)
      .doc(id)
      .update({ data: { status: 'withdrawn', withdrawnAt: now, updatedAt: now, version } })
    for (const key of listingKeys(lecture)) {
      await t
        .collection(COLLECTIONS.lectureListings)
        .doc(listingId(id, key))
        .update({ data: { status: 'withdrawn' } })
    }
    const event: LectureEvent = {
      _id: newId('lce'),
      lectureId: id,
      action: 'withdraw',
      from: 'published',
      to: 'withdrawn',
      actorId: caller._id,
      actorName: caller.name,
      comment: reason ?? '',
      at: now,
    }
    await t.collection(COLLECTIONS.lectureEvents).add({ data: event })
    return ok({ id, status: 'withdrawn' as const, version })
  })
  // No longer found in search.
  if (res.ok) await dropFromSearch([id])
  return res
}
