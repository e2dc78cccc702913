import { View, Text } from '@tarojs/components'
import type { GroupProjectView } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
import { ProgressRow } from '@/components/ProgressRow'
import '@/components/list-card'
import './group-project-card.css'

export interface GroupProjectCardProps {
  project: GroupProjectView
  onOpen: () => void
}

/** A project the group works on: where it stands, and which of its tasks are the group's, with whom. */
export function GroupProjectCard({ project, onOpen }: GroupProjectCardProps) {
  return (
    <View className="group-project list-card" ariaRole="button" onClick={onOpen}>
      <View className="list-card__head">
        <Text className="group-project__title list-card__title">{project.title}</Text>
        <StatusTag status={project.status} />
      </View>
      <Text className="group-project__category list-card__tag">{project.categoryLabel}</Text>
      <ProgressRow progress={project.progress} />
      <View className="group-project__tasks">
        {project.tasks.map((t) => (
          <View key={t.id} className="group-project__task">
            <Text className="group-project__task-title">任务：{t.title}</Text>
            <Text className="group-project__members">
              本组成员：{t.members.map((m) => m.name).join('、')}
            </Text>
          </View>
        ))}
      </View>
      <View className="group-project__foot">
        <Text className="group-project__open">查看项目</Text>
        <Text className="group-project__arrow">›</Text>
      </View>
    </View>
  )
}
