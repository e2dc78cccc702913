import { View, Text } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import type { GroupProjectView } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
import '@/components/list-card'
import './group-project-card.css'

export interface GroupProjectCardProps {
  project: GroupProjectView
  onOpen: () => void
}

/** A project the group works on: where it stands, and which of its tasks are the group's, with whom. */
export function GroupProjectCard({ project, onOpen }: GroupProjectCardProps) {
  const percent = Math.max(0, Math.min(100, Math.round(project.progress)))
  return (
    <View className="group-project list-card" ariaRole="button" onClick={onOpen}>
      <View className="list-card__head">
        <Text className="group-project__title list-card__title">{project.title}</Text>
        <StatusTag status={project.status} />
      </View>
      <Text className="group-project__category">{project.categoryLabel}</Text>
      <View className="group-project__progress">
        <View className="group-project__bar">
          <Progress percent={percent} color="#C8161D" background="#F2F3F5" strokeWidth="6" />
        </View>
        <Text className="group-project__percent">进度 {percent}%</Text>
      </View>
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
