import { View, Text } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import type { ProjectDetail } from '@contract/api'
import { StatusTag } from '@/components/StatusTag'
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
  const percent = Math.max(0, Math.min(100, Math.round(project.progress)))
  return (
    <View className="project-header">
      <View className="project-header__band" />
      <View className="project-header__card">
        <View className="project-header__head">
          <Text className="project-header__title">{project.title || '未命名项目'}</Text>
          <StatusTag status={project.status} />
        </View>
        <View className="project-header__meta">
          <Text className="project-header__category">{project.categoryLabel}</Text>
          <Text className="project-header__branch">
            {project.branchName} · {project.year}年度
          </Text>
        </View>
        {project.slogan ? <Text className="project-header__slogan">“{project.slogan}”</Text> : null}
        <View className="project-header__progress">
          <View className="project-header__bar">
            <Progress percent={percent} color="#C8161D" background="#F2F3F5" strokeWidth="6" />
          </View>
          <Text className="project-header__percent">进度 {percent}%</Text>
        </View>
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
