import { View, Text } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { ANSWER_KEYS } from '@contract/entities'
import { ANSWER_LABELS } from '@domain/proposal'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { ProjectHeader } from '@/features/projects/components/ProjectHeader'
import { PublicTasks } from '@/features/public-view/components/PublicTasks'
import { RatingCard } from '@/features/public-view/components/RatingCard'
import { usePublicProject } from '@/features/public-view/hooks/use-public-project'
import { routes } from '@/routes'
import './index.css'

export default function PublicPage() {
  const { params } = useRouter()
  const project = usePublicProject(params.id)
  const view = project.view.data

  useShareAppMessage(() => ({
    title: view ? `四公开：${view.title}` : '党建项目四公开',
    path: routes.publicView(params.id ?? ''),
  }))

  if (!view) {
    return project.view.error ? (
      <ErrorState
        title="无法查看"
        message={project.view.error.message}
        onRetry={() => void project.view.reload()}
      />
    ) : (
      <LoadingState text="正在加载四公开内容…" />
    )
  }

  return (
    <View className="public-page">
      <ProjectHeader project={view} />
      <Card title="项目内容">
        <Text className="public-page__label">要解决的问题</Text>
        <Text className="public-page__text">{view.problem || '未填写'}</Text>
        {ANSWER_KEYS.map((key) =>
          view.answers[key] ? (
            <View key={key}>
              <Text className="public-page__label">{ANSWER_LABELS[key]}</Text>
              <Text className="public-page__text">{view.answers[key]}</Text>
            </View>
          ) : null,
        )}
      </Card>
      <PublicTasks tasks={view.tasks} />
      <Card title="实施成效">
        <Text className="public-page__text">{view.effect || '项目结题验收后公布实施成效'}</Text>
      </Card>
      <RatingCard rating={view.rating} form={project} />
      <View className="public-page__end" />
    </View>
  )
}
