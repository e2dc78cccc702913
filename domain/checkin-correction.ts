import type { Checkin, MilestoneStatus } from '../types/entities'

/** How long after recording a check-in its author may still edit or withdraw it. */
export const CORRECTION_WINDOW_MS = 24 * 3600 * 1000
/** How many earlier versions one check-in keeps: past it, further edits are refused. */
export const MAX_VERSIONS = 20

export type Correctable = Pick<Checkin, 'personId' | 'createdAt' | 'withdrawnAt' | 'versions'>

export interface CorrectionRefusal {
  code: 'FORBIDDEN' | 'CONFLICT'
  message: string
}

/**
 * Until when the author may still correct a check-in, or null when they may not (anymore): within 24 hours of
 * recording it, while the milestone it is evidence for (if any) is not submitted or approved. A milestone
 * returned for correction opens its check-ins again, whatever their age, until it is submitted again.
 */
export function correctableUntil(
  c: Pick<Checkin, 'createdAt' | 'withdrawnAt'>,
  milestoneStatus: MilestoneStatus | null,
  now: Date,
): Date | null {
  if (c.withdrawnAt) return null
  if (milestoneStatus === 'submitted' || milestoneStatus === 'approved') return null
  if (milestoneStatus === 'returned') return null
  const until = new Date(new Date(c.createdAt).getTime() + CORRECTION_WINDOW_MS)
  return until > now ? until : null
}

/** Whether a milestone returned for correction opens its check-ins (no deadline: until it is submitted again). */
export const reopenedByReturn = (milestoneStatus: MilestoneStatus | null): boolean =>
  milestoneStatus === 'returned'

/** Why `callerId` may not edit (or withdraw) this check-in now, or null when they may. */
export function correctionRefusal(
  c: Correctable,
  callerId: string,
  milestoneStatus: MilestoneStatus | null,
  now: Date,
  action: 'edit' | 'withdraw',
): CorrectionRefusal | null {
  if (c.personId !== callerId) return { code: 'FORBIDDEN', message: '只能修改或撤回自己的打卡' }
  if (c.withdrawnAt) return { code: 'CONFLICT', message: '这条打卡已撤回' }
  if (milestoneStatus === 'submitted' || milestoneStatus === 'approved') {
    return {
      code: 'CONFLICT',
      message:
        milestoneStatus === 'submitted'
          ? '里程碑成果已提交，不能再修改打卡；如需更正，请书记退回'
          : '里程碑已审批通过，不能再修改打卡',
    }
  }
  if (!reopenedByReturn(milestoneStatus) && !correctableUntil(c, milestoneStatus, now)) {
    return { code: 'CONFLICT', message: '打卡超过 24 小时，不能再修改或撤回' }
  }
  if (action === 'edit' && (c.versions?.length ?? 0) >= MAX_VERSIONS) {
    return { code: 'CONFLICT', message: `一条打卡最多修改 ${MAX_VERSIONS} 次` }
  }
  return null
}

/**
 * What the author sees: until when they may correct it (ISO), 'reopened' while its milestone is returned for
 * correction, or null.
 */
export function correctionWindow(
  c: Correctable,
  callerId: string,
  milestoneStatus: MilestoneStatus | null,
  now: Date,
): string | null {
  if (c.personId !== callerId || c.withdrawnAt) return null
  if (reopenedByReturn(milestoneStatus)) return 'reopened'
  return correctableUntil(c, milestoneStatus, now)?.toISOString() ?? null
}

/** The time left to correct, in words ("还可修改 3 小时" / "还可修改 12 分钟"), from an ISO deadline. */
export function timeLeftText(until: string, now: Date): string {
  if (until === 'reopened') return '里程碑已退回，可修改'
  const ms = Date.parse(until) - now.getTime()
  if (ms <= 0) return '已超过修改时限'
  const minutes = Math.ceil(ms / 60_000)
  if (minutes < 60) return `还可修改 ${minutes} 分钟`
  return `还可修改 ${Math.floor(minutes / 60)} 小时`
}
