import { View, Text } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import { chinaTime } from '@domain/time'
import type { ProjectSummary } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
import './project-card.css'

export interface ProjectCardProps {
  project: ProjectSummary
  onClick?: (project: ProjectSummary) => void
}

/** One project in a list: what it is, where it stands, who runs it. */
export function ProjectCard({ project, onClick }: ProjectCardProps) {
  const percent = Math.max(0, Math.min(100, Math.round(project.progress)))
  return (
    <View className="project-card" onClick={onClick ? () => onClick(project) : undefined}>
      <View className="project-card__head">
        <Text className="project-card__title">{project.title}</Text>
        <StatusTag status={project.status} />
      </View>
      <View className="project-card__meta">
        <Text className="project-card__category">{project.categoryLabel}</Text>
        <Text className="project-card__year">{project.year}年度</Text>
      </View>
      {project.slogan ? <Text className="project-card__slogan">“{project.slogan}”</Text> : null}
      <View className="project-card__progress">
        <View className="project-card__bar">
          <Progress percent={percent} color="#C8161D" background="#F2F3F5" strokeWidth="6" />
        </View>
        <Text className="project-card__percent">进度 {percent}%</Text>
      </View>
      <View className="project-card__foot">
        <Text className="project-card__branch">{project.branchName}</Text>
        <Text className="project-card__updated">更新于 {chinaTime(project.updatedAt).format('M月D日')}</Text>
      </View>
    </View>
  )
}
