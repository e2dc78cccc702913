import { View, Text } from '@tarojs/components'
import type { ProjectDetail } from '@contract/api'
import { FIVE_CLEAR } from '@domain/plan'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { deadlineText, missingFiveClearLabels, nameOr } from '../milestones'
import '@/components/list-card'
import './panels.css'
import './plan-panel.css'

export interface PlanPanelProps {
  project: Pick<ProjectDetail, 'tasks' | 'checklist'>
}

/** 计划: tasks, who they are assigned to, each milestone's 五个明确, and the checklist. */
export function PlanPanel({ project }: PlanPanelProps) {
  if (project.tasks.length === 0 && project.checklist.length === 0) {
    return <EmptyState title="还没有计划书" description="立项批准后，由支部书记编写计划书（任务分解）" />
  }
  return (
    <View>
      {project.tasks.map((task, i) => (
        <Card key={task.id} title={`任务${i + 1}：${task.title}`}>
          <Text className="panel__muted">
            落实到：{task.assignees.length ? task.assignees.map((p) => p.name).join('、') : '未落实到人'}
          </Text>
          {task.milestones.map((m) => {
            const missing = missingFiveClearLabels({ ...m, ownerId: m.owner?.id ?? null })
            return (
              <View key={m.id} className="plan-panel__milestone">
                <Text className="plan-panel__milestone-title">{m.title}</Text>
                <View className="panel__row">
                  <Text className="panel__row-label">{FIVE_CLEAR.weight}</Text>
                  <Text className="panel__row-value">{m.weight}%</Text>
                </View>
                <View className="panel__row">
                  <Text className="panel__row-label">{FIVE_CLEAR.ownerId}</Text>
                  <Text className="panel__row-value">{nameOr(m.owner)}</Text>
                </View>
                <View className="panel__row">
                  <Text className="panel__row-label">{FIVE_CLEAR.deadline}</Text>
                  <Text className="panel__row-value">{deadlineText(m.deadline)}</Text>
                </View>
                <View className="panel__row">
                  <Text className="panel__row-label">{FIVE_CLEAR.qualityStandard}</Text>
                  <Text className="panel__row-value">{m.qualityStandard || '未填写'}</Text>
                </View>
                <View className="panel__row">
                  <Text className="panel__row-label">{FIVE_CLEAR.expectedGoal}</Text>
                  <Text className="panel__row-value">{m.expectedGoal || '未填写'}</Text>
                </View>
                {missing.length ? <Text className="panel__missing">缺少：{missing.join('、')}</Text> : null}
              </View>
            )
          })}
          {task.milestones.length === 0 ? <Text className="panel__missing">还没有里程碑</Text> : null}
        </Card>
      ))}
      <Card
        title="清单"
        extra={`${project.checklist.filter((c) => c.done).length}/${project.checklist.length} 已完成`}
      >
        {project.checklist.length === 0 ? <Text className="panel__muted">还没有清单事项</Text> : null}
        {project.checklist.map((item) => (
          <View key={item.id} className="panel__row">
            <Text className="panel__row-label plan-panel__check-text">{item.text}</Text>
            <Text className={`panel__word list-card__tag list-card__tag--${item.done ? 'good' : 'plain'}`}>
              {item.done ? '已完成' : '未完成'}
            </Text>
          </View>
        ))}
      </Card>
    </View>
  )
}
