import { chinaDay } from '../../../domain/checkins'
import { canTargetAudience } from '../../../domain/lecture-permissions'
import { listingId, listingKeys, publishProblems } from '../../../domain/lectures'
import type { Lecture, LectureEvent, LectureListing } from '../../../types/entities-community'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { lectureSearchable } from '../../../domain/search'
import { indexForSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { managedLecture, moveLecture } from '../managed'
import { runInTransaction } from '../../_shared/transaction'

/**
 * 发布: a complete draft goes out to its audience. The lecture, one listing per audience key (by id, so the
 * transaction stays on single documents) and the event are written together.
 */
export const publish: Handler<'lectures', 'publish'> = async ({ id }, { caller }) => {
  let published: Lecture | null = null
  const res = await runInTransaction(async (t) => {
    const found = await managedLecture(t, caller, id, 'publish')
    if (!found.ok) return found.fail
    const lecture = found.lecture
    if (!canTargetAudience(caller, lecture.audience)) {
      return fail('FORBIDDEN', '支部书记只能面向本支部发布讲坛')
    }
    const now = new Date()
    const problems = publishProblems(lecture, chinaDay(now))
    if (problems.length > 0) return fail('CONFLICT', `还不能发布：${problems.join('；')}`)
    const version = await moveLecture(t, lecture, 'published', now)
    for (const key of listingKeys(lecture)) {
      const listing: Omit<LectureListing, '_id'> = {
        lectureId: id,
        key,
        status: 'published',
        required: lecture.required,
        deadline: lecture.deadline,
        publishedAt: now,
        cover: lecture.cover,
      }
      await t.collection(COLLECTIONS.lectureListings).doc(listingId(id, key)).set({ data: listing })
    }
    const event: LectureEvent = {
      _id: newId('lce'),
      lectureId: id,
      action: 'publish',
      from: 'draft',
      to: 'published',
      actorId: caller._id,
      actorName: caller.name,
      comment: '',
      at: now,
    }
    await t.collection(COLLECTIONS.lectureEvents).add({ data: event })
    published = { ...lecture, updatedAt: now }
    return ok({ id, status: 'published' as const, version })
  })
  // Found in search by those it is published to.
  if (res.ok && published) await indexForSearch([lectureSearchable(published)], { fresh: true })
  return res
}
