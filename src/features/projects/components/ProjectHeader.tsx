import { View, Text } from '@tarojs/components'
import type { ProjectDetail } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
import { ProgressRow } from '@/components/ProgressRow'
import '@/components/list-card'
import './project-header.css'

export interface ProjectHeaderProps {
  project: Pick<
    ProjectDetail,
    'title' | 'status' | 'categoryLabel' | 'branchName' | 'year' | 'slogan' | 'progress'
  >
  /** Shown as a link when the project has a 四公开 page. */
  onOpenPublic?: () => void
}

/** The top of the project page: what it is, whose it is, where it stands. */
export function ProjectHeader({ project, onOpenPublic }: ProjectHeaderProps) {
  return (
    <View className="project-header">
      <View className="project-header__band" />
      <View className="project-header__card">
        <View className="project-header__head list-card__head">
          <Text className="project-header__title list-card__title">{project.title || '未命名项目'}</Text>
          <StatusTag status={project.status} />
        </View>
        <View className="project-header__meta">
          <Text className="project-header__category list-card__tag">{project.categoryLabel}</Text>
          <Text className="project-header__branch">
            {project.branchName} · {project.year}年度
          </Text>
        </View>
        {project.slogan ? <Text className="project-header__slogan">“{project.slogan}”</Text> : null}
        <ProgressRow progress={project.progress} />
        {onOpenPublic ? (
          <View className="project-header__public" onClick={onOpenPublic}>
            <Text className="project-header__public-text">查看四公开页面</Text>
            <Text className="project-header__public-arrow">›</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
