import type { MilestoneStatus } from '@contract/entities'

// domain/labels.ts has no words for milestone states yet; they live here, once, until it does.

/** A milestone's state as a word (里程碑状态). */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  open: '进行中',
  submitted: '待审核',
  approved: '已完成',
  returned: '已退回',
}

/** The word beside a milestone past its deadline. */
export const OVERDUE_LABEL = '已逾期'
