import { canSeeRecord } from '../../../domain/supervision-records'
import { fail, ok } from '../../../types/result'
import { getRecord as readRecord } from '../../_shared/repositories/supervision-records'
import type { Handler } from '../../_shared/router'
import { toRecordDetail } from '../record-views'

/** One 督导记录 with its follow-ups: the committee, the branch's secretary and the follow-ups' owners see it. */
export const getRecord: Handler<'supervision', 'getRecord'> = async ({ id }, { caller }) => {
  const r = await readRecord(id)
  if (!r || !canSeeRecord(caller, r)) return fail('NOT_FOUND', '没有找到这条督导记录')
  return ok(toRecordDetail(r, caller, new Date()))
}
