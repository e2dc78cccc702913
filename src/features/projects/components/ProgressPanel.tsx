import { View, Text } from '@tarojs/components'
import type { ProjectDetail } from '@contract/api'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { allMilestones, deadlineText, isOverdue, nameOr, today } from '../milestones'
import { MilestoneStatusWord } from './MilestoneStatusWord'
import './panels.css'
import '@/components/row-title'
import './progress-panel.css'

export interface ProgressPanelProps {
  project: Pick<ProjectDetail, 'tasks' | 'progress'>
  /** YYYY-MM-DD; defaults to today. */
  on?: string
}

/** 进度: every milestone with its state in words; those past their deadline say 已逾期. */
export function ProgressPanel({ project, on = today() }: ProgressPanelProps) {
  const milestones = allMilestones(project.tasks)
  if (milestones.length === 0) {
    return <EmptyState title="还没有里程碑" description="计划书中的里程碑会显示在这里" />
  }
  const done = milestones.filter((m) => m.status === 'approved').length
  const overdue = milestones.filter((m) => isOverdue(m, on)).length
  return (
    <Card title="进度表" extra={`总进度 ${Math.round(project.progress)}%`}>
      <Text className="panel__muted">
        已完成 {done}/{milestones.length} 个里程碑{overdue ? `，${overdue} 个已逾期` : ''}
      </Text>
      {milestones.map((m) => (
        <View key={m.id} className="progress-panel__item">
          <View className="progress-panel__head">
            <Text className="row-title">{m.title}</Text>
            <View className="progress-panel__words">
              <MilestoneStatusWord status={m.status} overdue={isOverdue(m, on)} />
            </View>
          </View>
          <Text className="progress-panel__meta">
            {m.taskTitle} · 权重 {m.weight}% · {nameOr(m.owner)} · 时限 {deadlineText(m.deadline)}
          </Text>
        </View>
      ))}
    </Card>
  )
}
