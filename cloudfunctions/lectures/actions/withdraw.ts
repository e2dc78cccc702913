import { listingId, listingKeys } from '../../../domain/lectures'
import type { LectureEvent } from '../../../types/entities-community'
import { ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { dropFromSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { managedLecture, moveLecture } from '../managed'
import { runInTransaction } from '../../_shared/transaction'

/**
 * 撤回: a published lecture leaves every list. Nothing is deleted: the lecture, its listings (marked withdrawn)
 * and everyone's study records stay, and an event says who withdrew it and why.
 */
export const withdraw: Handler<'lectures', 'withdraw'> = async ({ id, reason }, { caller }) => {
  const res = await runInTransaction(async (t) => {
    const found = await managedLecture(t, caller, id, 'withdraw')
    if (!found.ok) return found.fail
    const lecture = found.lecture
    const now = new Date()
    const version = await moveLecture(t, lecture, 'withdrawn', now)
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
