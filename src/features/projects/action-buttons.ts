import type { ProjectDetail } from '@contract/api'
import type { ProjectAction } from '@contract/entities'

export interface ActionButton {
  action: ProjectAction
  label: string
  primary: boolean
}

const LABELS: Partial<Record<ProjectAction, string>> = {
  edit: '编辑立项表',
  submit: '提交立项',
  withdraw: '撤回',
  approve: '批准立项',
  return: '退回',
  save_plan: '编写计划书',
  start: '开始实施',
  request_acceptance: '申请结题',
  accept: '验收评分',
  return_acceptance: '退回整改',
  archive: '归档',
}

/** Left to right; the primary button is moved to the right end. */
const ORDER: ProjectAction[] = [
  'withdraw',
  'return',
  'return_acceptance',
  'edit',
  'save_plan',
  'submit',
  'approve',
  'start',
  'request_acceptance',
  'accept',
  'archive',
]

/** Which action is the screen's one primary action, most decisive first; undoing and returning never are. */
const PRIMARY_FIRST: ProjectAction[] = [
  'submit',
  'approve',
  'accept',
  'start',
  'request_acceptance',
  'archive',
  'save_plan',
  'edit',
]

/** An action that is allowed but cannot succeed yet: submitting an incomplete form, starting an incomplete plan. */
export function isBlocked(
  detail: Pick<ProjectDetail, 'missingFields' | 'planProblems'>,
  action: ProjectAction,
) {
  if (action === 'submit') return detail.missingFields.length > 0
  if (action === 'start') return detail.planProblems.length > 0
  return false
}

/** The buttons of the action bar: exactly the actions in `detail.can`, one of them primary. */
export function actionButtons(
  detail: Pick<ProjectDetail, 'can' | 'missingFields' | 'planProblems' | 'tasks'>,
): ActionButton[] {
  const shown = ORDER.filter((a) => detail.can.includes(a))
  const primary =
    PRIMARY_FIRST.find((a) => shown.includes(a) && !isBlocked(detail, a)) ??
    PRIMARY_FIRST.find((a) => shown.includes(a))
  const label = (a: ProjectAction) =>
    a === 'save_plan' && detail.tasks.length > 0 ? '修改计划书' : (LABELS[a] ?? a)
  const buttons = shown.map((a) => ({ action: a, label: label(a), primary: a === primary }))
  return [...buttons.filter((b) => !b.primary), ...buttons.filter((b) => b.primary)]
}
