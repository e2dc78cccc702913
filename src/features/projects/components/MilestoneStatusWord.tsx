import { Text } from '@tarojs/components'
import type { MilestoneStatus } from '@contract/entities'
import { DUE_STATE_LABELS, MILESTONE_STATUS_LABELS } from '@domain/labels'
import './panels.css'

export interface MilestoneStatusWordProps {
  status: MilestoneStatus
  overdue?: boolean
}

const TONE: Record<MilestoneStatus, string> = {
  open: '',
  submitted: ' panel__word--waiting',
  approved: ' panel__word--done',
  returned: ' panel__word--returned',
}

/** A milestone's state in words, and 已逾期 beside it when the deadline has passed. */
export function MilestoneStatusWord({ status, overdue = false }: MilestoneStatusWordProps) {
  return (
    <>
      <Text className={`panel__word${TONE[status]}`}>{MILESTONE_STATUS_LABELS[status]}</Text>
      {overdue ? <Text className="panel__word panel__word--overdue">{DUE_STATE_LABELS.overdue}</Text> : null}
    </>
  )
}
