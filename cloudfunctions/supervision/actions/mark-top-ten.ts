import { canSupervise } from '../../../domain/supervision'
import { topTenEntries } from '../../../domain/evaluation'
import type { TopTenSelection } from '../../../types/entities-supervision'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { topTenId } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import { evaluate } from '../evaluate'
import { addEvent } from '../views'

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * 确认十佳精品项目: records the year's top of the ranking, exactly as the caller was shown it (else CONFLICT:
 * the ranking moved since). Confirming the same selection again changes nothing and records nothing.
 */
export const markTopTen: Handler<'supervision', 'markTopTen'> = async ({ year, projectIds }, { caller }) => {
  if (!canSupervise(caller)) return fail('FORBIDDEN', '十佳精品项目由党委确认')
  const result = await evaluate(year, now())
  if (result.proposed.length === 0) return fail('CONFLICT', `${year} 年还没有通过验收的项目`)
  if (!same(projectIds, result.proposed)) return fail('CONFLICT', '排名已有变化，请刷新后再确认')
  const entries = topTenEntries(result.ranked, result.proposed)
  const id = topTenId(year)
  return runInTransaction(async (t) => {
    const before = await txGet<TopTenSelection>(t, COLLECTIONS.topTenSelections, id)
    const beforeIds = before?.entries.map((e) => e.projectId) ?? []
    if (before && same(beforeIds, projectIds)) {
      return ok({ year, projectIds, changed: false, markedAt: new Date(before.markedAt).toISOString() })
    }
    const at = new Date()
    const doc: Omit<TopTenSelection, '_id'> = {
      year,
      entries,
      markedBy: caller._id,
      markedByName: caller.name,
      markedAt: at,
    }
    await t.collection(COLLECTIONS.topTenSelections).doc(id).set({ data: doc })
    await addEvent(
      t,
      {
        subject: 'evaluation',
        subjectId: id,
        action: 'mark_top_ten',
        from: before ? beforeIds.join(',') : null,
        to: projectIds.join(','),
        comment: `确认 ${year} 年十佳精品项目 ${projectIds.length} 个`,
      },
      caller,
      at,
    )
    return ok({ year, projectIds, changed: true, markedAt: at.toISOString() })
  })
}
