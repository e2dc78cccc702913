import { View, Text } from '@tarojs/components'
import { chinaTime } from '@domain/time'
import type { ProjectSummary } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
import { ProgressRow } from '@/components/ProgressRow'
import '@/components/list-card'
import './project-card.css'

export interface ProjectCardProps {
  project: ProjectSummary
  onClick?: (project: ProjectSummary) => void
}

/** One project in a list: what it is, where it stands, who runs it. */
export function ProjectCard({ project, onClick }: ProjectCardProps) {
  return (
    <View className="project-card list-card" onClick={onClick ? () => onClick(project) : undefined}>
      <View className="project-card__head list-card__head">
        <Text className="project-card__title list-card__title">{project.title}</Text>
        <StatusTag status={project.status} />
      </View>
      <View className="project-card__meta">
        <Text className="project-card__category list-card__tag">{project.categoryLabel}</Text>
        <Text className="project-card__year">{project.year}年度</Text>
      </View>
      {project.slogan ? <Text className="project-card__slogan">“{project.slogan}”</Text> : null}
      <ProgressRow progress={project.progress} />
      <View className="project-card__foot list-card__foot">
        <Text className="project-card__branch">{project.branchName}</Text>
        <Text className="project-card__updated">更新于 {chinaTime(project.updatedAt).format('M月D日')}</Text>
      </View>
    </View>
  )
}
