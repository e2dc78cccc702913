import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { GroupProjectCard } from '@/features/groups/components/GroupProjectCard'
import { useGroupProjects } from '@/features/groups/hooks/use-group-projects'
import { routes } from '@/routes'
import './projects-tab.css'

export interface ProjectsTabProps {
  groupId: string | undefined
}

/** 项目: loaded when the tab is opened, reloaded on pull-down while it is open. */
export function ProjectsTab({ groupId }: ProjectsTabProps) {
  const projects = useGroupProjects(groupId)
  usePullDownRefresh(() => {
    void projects.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const list = projects.data
  if (!list)
    return projects.error ? (
      <ErrorState
        title="项目加载失败"
        message={projects.error.message}
        onRetry={() => void projects.reload()}
      />
    ) : (
      <LoadingState text="正在加载项目…" />
    )
  if (list.length === 0)
    return (
      <EmptyState title="本组暂无参与的项目" description="支部把项目任务落实到本组党员后，会显示在这里" />
    )
  return (
    <View className="projects-tab">
      {list.map((p) => (
        <GroupProjectCard
          key={p.id}
          project={p}
          onOpen={() => void Taro.navigateTo({ url: routes.project(p.id) })}
        />
      ))}
    </View>
  )
}
