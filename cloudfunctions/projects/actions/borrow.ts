import { borrowedDraft, planOutline, showcasedRank } from '../../../domain/showcase'
import { fail } from '../../../types/result'
import { getProject, listMilestones } from '../../_shared/repositories/projects'
import { listTopTens } from '../../_shared/repositories/supervision'
import { readingEarly } from '../../_shared/router'
import { createDraft, nextYearGuide } from './save-draft'

/**
 * 借鉴: a secretary starts a new draft of their branch from a showcased 十佳 project. The source, the year's
 * selections, the source's milestones and next year's guide are read with the caller; then the draft is made as
 * saveDraft makes one, of the year a new draft takes (draftYear: next year's once next year's window has opened).
 */
export const borrow = readingEarly<'projects', 'borrow'>()(
  ({ id }) => Promise.all([getProject(id), listTopTens(), listMilestones(id), nextYearGuide()]),
  async ({ branchId }, { caller, early: [source, selections, milestones, nextGuide] }) => {
    const shown = source && showcasedRank(selections, source._id)
    if (!source || !shown) return fail('NOT_FOUND', '没有找到这个十佳精品项目，只能借鉴经验交流中的项目')
    const { fields, borrowedFrom } = borrowedDraft(source, shown.rank, planOutline(source.tasks, milestones))
    return createDraft({ ...fields, branchId }, caller, { borrowedFrom }, new Map(), nextGuide)
  },
)
