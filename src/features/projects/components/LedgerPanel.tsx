import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ProjectDetail } from '@contract/api'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { DUE_STATE_LABELS, MILESTONE_STATUS_LABELS } from '@domain/labels'
import { deadlineText, isOverdue, nameOr, today } from '../milestones'
import './ledger-panel.css'

export interface LedgerPanelProps {
  project: Pick<ProjectDetail, 'tasks' | 'checklist'>
  on?: string
  /** Shown as 导出台账 when given (to the branch secretary and the committee). */
  onExport?: () => void
}

/** 台账: one compact table of tasks, milestones, owners, deadlines and states. */
export function LedgerPanel({ project, on = today(), onExport }: LedgerPanelProps) {
  const exportButton = onExport ? (
    <Button className="ledger__export" type="primary" onClick={onExport}>
      导出台账
    </Button>
  ) : null
  if (project.tasks.length === 0)
    return (
      <EmptyState title="台账暂无内容" description="编写计划书后生成管理台账">
        {exportButton}
      </EmptyState>
    )
  const doneItems = project.checklist.filter((c) => c.done).length
  return (
    <Card title="管理台账" extra={`清单 ${doneItems}/${project.checklist.length}`}>
      <View className="ledger__row ledger__row--head">
        <Text className="ledger__cell ledger__cell--name">里程碑</Text>
        <Text className="ledger__cell ledger__cell--owner">责任人</Text>
        <Text className="ledger__cell ledger__cell--date">时限</Text>
        <Text className="ledger__cell ledger__cell--status">状态</Text>
      </View>
      {project.tasks.map((task) => (
        <View key={task.id}>
          <View className="ledger__task">
            <Text className="ledger__task-title">{task.title}</Text>
            <Text className="ledger__task-people">
              {task.assignees.map((p) => p.name).join('、') || '未落实到人'}
            </Text>
          </View>
          {task.milestones.map((m) => (
            <View key={m.id} className="ledger__row">
              <Text className="ledger__cell ledger__cell--name">{m.title}</Text>
              <Text className="ledger__cell ledger__cell--owner">{nameOr(m.owner)}</Text>
              <Text className="ledger__cell ledger__cell--date">{deadlineText(m.deadline)}</Text>
              <Text className="ledger__cell ledger__cell--status">
                {MILESTONE_STATUS_LABELS[m.status]}
                {isOverdue(m, on) ? `·${DUE_STATE_LABELS.overdue}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ))}
      {exportButton}
    </Card>
  )
}
