import { ok } from '../../../types/result'
import { cursorAfter, parseCursor, toCheckinView } from '../../_shared/checkin-views'
import { listHistory } from '../../_shared/repositories/checkins'
import type { Handler } from '../../_shared/router'

/** 我的打卡: the caller's own check-ins, newest first, a page at a time (one indexed read per page). */
export const history: Handler<'checkins', 'history'> = async ({ cursor, limit }, { caller }) => {
  const rows = await listHistory(caller._id, cursor ? parseCursor(cursor) : null, limit + 1)
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return ok({
    items: items.map(toCheckinView),
    nextCursor: rows.length > limit && last ? cursorAfter(last) : null,
  })
}
