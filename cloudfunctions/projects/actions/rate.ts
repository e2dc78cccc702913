import { averageRating } from '../../../domain/acceptance'
import { isPublic } from '../../../domain/project-permissions'
import type { Project, Rating } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { ratingId } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'
import { replacing, runInTransaction, txGet } from '../../_shared/transaction'

/**
 * 群众满意度: one rating per WeChat user per project, changeable; the project's count and sum change in the
 * same transaction. Ratings are not edits of the project, so its version and updatedAt stay as they are.
 */
export const rate: Handler<'projects', 'rate'> = ({ id, score, comment }, { caller }) =>
  runInTransaction(async (t) => {
    const project = await txGet<Project>(t, COLLECTIONS.projects, id)
    if (!project || !isPublic(project)) return fail('NOT_FOUND', '没有找到公开的项目')
    const key = ratingId(id, caller.openid)
    const before = await txGet<Rating>(t, COLLECTIONS.ratings, key)
    const rating = {
      count: project.rating.count + (before ? 0 : 1),
      sum: project.rating.sum - (before?.score ?? 0) + score,
    }
    const doc: Omit<Rating, '_id'> = {
      projectId: id,
      openid: caller.openid,
      score,
      comment: comment ?? '',
      at: new Date(),
    }
    await t.collection(COLLECTIONS.ratings).doc(key).set({ data: doc })
    await t
      .collection(COLLECTIONS.projects)
      .doc(id)
      .update({ data: replacing({ rating }) })
    return ok({ count: rating.count, average: averageRating(rating) })
  })
