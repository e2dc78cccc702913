import { correctionRefusal } from '../../../domain/checkin-correction'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import type { Checkin, MilestoneStatus } from '../../../types/entities'
import type { CheckinCorrected } from '../../../types/functions/checkins'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { checkinViewFor, toFigures } from '../../_shared/checkin-views'
import { finishWithdrawal } from '../../_shared/checkin-counters'
import type { StoredStats } from '../../_shared/checkin-counters'
import { COLLECTIONS, db } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import {
  getCheckin,
  getCheckinStats,
  getMilestoneStatuses,
  listFigureSources,
  saveCheckinEdit,
} from '../../_shared/repositories/checkins'
import { readingEarly } from '../../_shared/router'

const notFound = () => fail('NOT_FOUND', '没有找到这条打卡')

const statusOf = async (c: Checkin): Promise<MilestoneStatus | null> =>
  c.milestoneId ? ((await getMilestoneStatuses([c.milestoneId])).get(c.milestoneId) ?? null) : null

function answer(c: Checkin, callerId: string, status: MilestoneStatus | null, stats: StoredStats | null) {
  const now = new Date()
  const milestones = new Map<string, MilestoneStatus>(
    c.milestoneId && status ? [[c.milestoneId, status]] : [],
  )
  return ok<CheckinCorrected>({
    checkin: checkinViewFor(c, { callerId, staff: false, milestones, now }),
    figures: toFigures(stats, now),
  })
}

/**
 * 修改打卡: the author changes what was done, its photos and place (not its time: that would move it between
 * days and counters) within 24 hours, or while its milestone is returned for correction. The replaced version
 * is kept. Three round trips: the check-in with the caller, its milestone's status with the member's figures,
 * the conditional write.
 */
export const editCheckin = readingEarly<'checkins', 'editCheckin'>()(
  ({ id }) => getCheckin(id),
  async (params, { caller, early: c }): Promise<Result<CheckinCorrected>> => {
    if (!c) return notFound()
    const [status, stats] = await Promise.all([statusOf(c), getCheckinStats(caller._id)])
    const now = new Date()
    const refusal = correctionRefusal(c, caller._id, status, now, 'edit')
    if (refusal) return fail(refusal.code, refusal.message)
    const issues = fileIdIssues(params.photos, caller._id, PHOTO_EXTENSIONS, 'photos')
    if (issues.length > 0) return fail('INVALID_INPUT', `照片有误：${issues[0].message}`, issues)
    const next = { text: params.text, photos: params.photos, place: params.place ?? null }
    // Saved again unchanged (a second tap, a retry): nothing to keep as a version.
    if (next.text === c.text && sameList(next.photos, c.photos) && samePlace(next.place, c.place)) {
      return answer(c, caller._id, status, stats as StoredStats | null)
    }
    const saved = await saveCheckinEdit(c, next, now)
    if (!saved) return fail('CONFLICT', '这条打卡刚刚被修改或撤回，请刷新后再试')
    const edited: Checkin = {
      ...c,
      ...next,
      versions: [...(c.versions ?? []), { text: c.text, photos: c.photos, place: c.place, until: now }],
      editedAt: now,
      edits: (c.edits ?? 0) + 1,
    }
    return answer(edited, caller._id, status, stats as StoredStats | null)
  },
)

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])
const samePlace = (a: Checkin['place'], b: Checkin['place']) => JSON.stringify(a) === JSON.stringify(b)

/**
 * 撤回打卡: the check-in stays stored, marked withdrawn (the secretary still sees it), and leaves every counter
 * and the member's figures (their streak recounted without it). Five round trips: the check-in with the
 * caller; its milestone's status, the member's figures and check-ins; the mark that it is withdrawn; then
 * together every counter and the figures, each safe to repeat; then the mark that it is out of them. A run
 * stopped after the first mark is finished by withdrawing again or by the roll-up (countPending), so no count
 * ever leaves before its record is marked. Withdrawing again finishes a
 * withdrawal whose run stopped half-way, and otherwise changes nothing.
 */
export const withdrawCheckin = readingEarly<'checkins', 'withdrawCheckin'>()(
  ({ id }) => getCheckin(id),
  async (_params, { caller, early: c }): Promise<Result<CheckinCorrected>> => {
    if (!c) return notFound()
    if (c.personId !== caller._id) return fail('FORBIDDEN', '只能修改或撤回自己的打卡')
    const [status, stats, sources] = await Promise.all([
      statusOf(c),
      getCheckinStats(caller._id) as Promise<StoredStats | null>,
      listFigureSources(caller._id),
    ])
    const finishing = Boolean(c.withdrawnAt) && c.withdrawnCounted === false
    if (c.withdrawnAt && !finishing) return answer(c, caller._id, status, stats)
    const now = new Date()
    if (!finishing) {
      const refusal = correctionRefusal(c, caller._id, status, now, 'withdraw')
      if (refusal) return fail(refusal.code, refusal.message)
      if (c.counted === false) return fail('CONFLICT', '这条打卡正在统计，请稍后再撤回')
    }
    const at = c.withdrawnAt ?? now
    // Marked first, so a run stopped anywhere after leaves a mark the roll-up finishes from.
    if (!finishing) {
      await db
        .collection(COLLECTIONS.checkins)
        .doc(c._id)
        .update({ data: { withdrawnAt: at, withdrawnCounted: false } })
    }
    const figures = await finishWithdrawal(c, { stats, sources })
    return answer({ ...c, withdrawnAt: at, withdrawnCounted: true }, caller._id, status, figures)
  },
)
