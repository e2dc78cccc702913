import { Text } from '@tarojs/components'
import type { MilestoneStatus } from '@contract/entities'
import { DUE_STATE_LABELS, MILESTONE_STATUS_LABELS } from '@domain/labels'
import '@/components/list-card'
import './panels.css'

export interface MilestoneStatusWordProps {
  status: MilestoneStatus
  overdue?: boolean
}

/** How each state reads at a glance (list-card.css tones): waiting amber, approved green, returned red. */
const TONE: Record<MilestoneStatus, string> = {
  open: 'plain',
  submitted: 'warn',
  approved: 'good',
  returned: 'bad',
}

/** A milestone's state in words, and 已逾期 beside it when the deadline has passed. */
export function MilestoneStatusWord({ status, overdue = false }: MilestoneStatusWordProps) {
  return (
    <>
      <Text className={`panel__word list-card__tag list-card__tag--${TONE[status]}`}>
        {MILESTONE_STATUS_LABELS[status]}
      </Text>
      {overdue ? (
        <Text className="panel__word panel__word--overdue list-card__tag list-card__tag--overdue">
          {DUE_STATE_LABELS.overdue}
        </Text>
      ) : null}
    </>
  )
}
