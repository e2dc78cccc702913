import { averageRating } from '../../../domain/acceptance'
import { isPublic } from '../../../domain/project-permissions'
import { ratingWindow } from '../../../domain/ratings'
import type { Project, Rating } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { ratingId } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'
import { replacing, runInTransaction, txGet } from '../../_shared/transaction'

/**
 * 群众满意度: the masses rate, never a Party member (the `masses` gate, before the payload is looked at); one
 * rating per WeChat user per project,
 * final, and only inside the 四公开 window. The project's count and sum change in the same transaction.
 * Ratings are not edits of the project, so its version and updatedAt stay as they are.
 */
export const rate: Handler<'projects', 'rate'> = ({ id, score, comment }, { caller }) => {
  return runInTransaction(async (t) => {
    const key = ratingId(id, caller.openid)
    const [project, before] = await Promise.all([
      txGet<Project>(t, COLLECTIONS.projects, id),
      txGet<Rating>(t, COLLECTIONS.ratings, key),
    ])
    if (!project || !isPublic(project)) return fail('NOT_FOUND', '没有找到公开的项目')
    const window = ratingWindow(project, new Date())
    if (!window.open) return fail('CONFLICT', window.reason)
    if (before) return fail('CONFLICT', '你已评价过这个项目，每个微信只能评价一次')
    const rating = { count: project.rating.count + 1, sum: project.rating.sum + score }
    const doc: Omit<Rating, '_id'> = {
      projectId: id,
      openid: caller.openid,
      score,
      comment: comment ?? '',
      at: new Date(),
    }
    await Promise.all([
      t.collection(COLLECTIONS.ratings).doc(key).set({ data: doc }),
      t
        .collection(COLLECTIONS.projects)
        .doc(id)
        .update({ data: replacing({ rating }) }),
    ])
    return ok({ count: rating.count, average: averageRating(rating) })
  })
}
