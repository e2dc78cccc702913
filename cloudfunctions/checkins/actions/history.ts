import { ok } from '../../../types/result'
import { checkinViewFor, cursorAfter, parseCursor } from '../../_shared/checkin-views'
import { getMilestoneStatuses, listHistory } from '../../_shared/repositories/checkins'
import type { Handler } from '../../_shared/router'

/**
 * 我的打卡: the caller's own check-ins, newest first, a page at a time (one indexed read per page), each with
 * until when it may still be corrected (its milestone's status read when it has one). Withdrawn ones are gone.
 */
export const history: Handler<'checkins', 'history'> = async ({ cursor, limit }, { caller }) => {
  const rows = await listHistory(caller._id, cursor ? parseCursor(cursor) : null, limit + 1)
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  const milestones = await getMilestoneStatuses(items.flatMap((c) => (c.milestoneId ? [c.milestoneId] : [])))
  const viewer = { callerId: caller._id, staff: false, milestones, now: new Date() }
  return ok({
    items: items.map((c) => checkinViewFor(c, viewer)),
    nextCursor: rows.length > limit && last ? cursorAfter(last) : null,
  })
}
