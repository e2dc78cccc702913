import { View, Text } from '@tarojs/components'
import type { ProjectStatus } from '@contract/entities'
import { STATUS_LABELS } from '@domain/labels'

export interface ProjectRowProps {
  project: { id: string; title: string; status: ProjectStatus; progress: number }
  /** Said after the progress, starting with its own separator (「 · 已逾期 2 个节点」). */
  more?: string
  onOpen: (id: string) => void
}

/** A project in a committee list (督导 branch cards, 台账 contents): its title, status and progress; a tap opens it. */
export function ProjectRow({ project, more = '', onOpen }: ProjectRowProps) {
  return (
    <View
      className="admin-row"
      ariaRole="button"
      ariaLabel={`查看项目：${project.title}`}
      onClick={() => onOpen(project.id)}
    >
      <View className="admin-row__main">
        <Text className="admin-row__title">{project.title}</Text>
        <Text className="admin-row__sub">
          {`${STATUS_LABELS[project.status]} · 进度 ${project.progress}%${more}`}
        </Text>
      </View>
      <Text className="admin-row__value">›</Text>
    </View>
  )
}
