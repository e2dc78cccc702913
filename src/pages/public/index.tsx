import { Canvas, View, Text } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { sceneValue } from '@domain/mini-code'
import { ANSWER_KEYS } from '@contract/entities'
import { ANSWER_LABELS } from '@domain/proposal'
import { isLeader } from '@domain/roles'
import { Card } from '@/components/Card'
import { RequestPending } from '@/components/RequestPending'
import { ProjectHeader } from '@/features/projects/components/ProjectHeader'
import { PublicTasks } from '@/features/public-view/components/PublicTasks'
import { RatingCard } from '@/features/public-view/components/RatingCard'
import { POSTER_CANVAS_ID, usePoster } from '@/features/public-view/hooks/use-poster'
import { usePublicProject } from '@/features/public-view/hooks/use-public-project'
import { POSTER_HEIGHT, POSTER_WIDTH } from '@/features/public-view/poster'
import { useSession } from '@/stores/session'
import { routes } from '@/routes'
import './index.css'

export default function PublicPage() {
  const { params } = useRouter()
  // A share card opens it with `id`; a poster's 小程序码 with the scene `p=<id>`.
  const id = params.id ?? sceneValue(params.scene, 'p') ?? undefined
  const project = usePublicProject(id)
  const view = project.view.data
  const me = useSession((s) => s.me)
  const poster = usePoster(id ?? '')
  const canPoster = !!me && isLeader(me)

  useShareAppMessage(() => ({
    title: view ? `四公开：${view.title}` : '党建项目四公开',
    path: routes.publicView(id ?? ''),
  }))

  if (!view) {
    return <RequestPending request={project.view} errorTitle="无法查看" loadingText="正在加载四公开内容…" />
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
      {canPoster ? (
        <View className="public-page__poster">
          <Button type="primary" disabled={poster.busy} onClick={() => void poster.make(view)}>
            {poster.busy ? '正在生成海报…' : '保存四公开海报'}
          </Button>
          <Text className="public-page__poster-hint">海报带小程序码，张贴后群众扫码即可查看并评价</Text>
          <Canvas
            canvasId={POSTER_CANVAS_ID}
            className="public-page__canvas"
            style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }}
          />
        </View>
      ) : null}
      <View className="public-page__end" />
    </View>
  )
}
