import { View, Text } from '@tarojs/components'
import type { PublicProjectView } from '@contract/api'
import { Card } from '@/components/Card'
import { deadlineText, isOverdue, MilestoneStatusWord } from '@/features/projects'
import './public-tasks.css'

export interface PublicTasksProps {
  tasks: PublicProjectView['tasks']
}

/** 目标任务: what the project set out to do, who is responsible (names only), and where each stands. */
export function PublicTasks({ tasks }: PublicTasksProps) {
  return (
    <Card title="目标任务">
      {tasks.length === 0 ? <Text className="public-tasks__empty">暂无公开的任务</Text> : null}
      {tasks.map((task, i) => (
        <View key={`${i}-${task.title}`} className="public-tasks__task">
          <Text className="public-tasks__task-title">
            {i + 1}. {task.title}
          </Text>
          {task.milestones.map((m, j) => (
            <View key={`${j}-${m.title}`} className="public-tasks__milestone">
              <View className="public-tasks__head">
                <Text className="public-tasks__title">{m.title}</Text>
                <View className="public-tasks__words">
                  <MilestoneStatusWord status={m.status} overdue={isOverdue(m)} />
                </View>
              </View>
              <Text className="public-tasks__meta">
                责任人 {m.ownerName || '未指定'} · 时限 {deadlineText(m.deadline)}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </Card>
  )
}
