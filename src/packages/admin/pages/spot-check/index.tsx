import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { chinaTime } from '@domain/time'
import { chinaDay } from '@domain/checkins'
import { SUPERVISION_EVENT_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useSpotCheck } from '@/features/supervision/hooks/use-spot-check'
import { routes } from '@/routes'
import { DrawCard } from './components/DrawCard'
import { PickedProjectCard } from './components/PickedProjectCard'
import '../../admin.css'

/** One 随机抽查: the picked projects with findings and rectifications, the recorded draw, the record. */
export default function SpotCheckPage() {
  const { params } = useRouter()
  const page = useSpotCheck(params.id)
  const check = page.check.data

  usePullDownRefresh(() => {
    void page.check.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!check) {
    return (
      <View className="admin-page">
        {page.check.error ? (
          <ErrorState
            title="抽查加载失败"
            message={page.check.error.message}
            onRetry={() => void page.check.reload()}
          />
        ) : (
          <LoadingState text="正在加载抽查…" />
        )}
      </View>
    )
  }
  const today = chinaDay(new Date())
  return (
    <View className="admin-page">
      <Card title="随机抽查" extra={chinaTime(check.createdAt).format('YYYY年M月D日')}>
        <Text className="admin-meta">
          范围：{check.scopeName} · 抽取 {check.picked.length} 个 · 发起人 {check.createdByName}
        </Text>
      </Card>
      {check.picked.map((p) => (
        <PickedProjectCard
          key={p.id}
          project={p}
          tasks={check.rectifications.filter((r) => r.projectId === p.id)}
          canRecord={check.canRecord}
          busy={page.busy}
          today={today}
          onOpen={() => void Taro.navigateTo({ url: routes.project(p.id) })}
          onFinding={(conclusion, text) => page.recordFinding(p.id, conclusion, text)}
          onTask={(text, deadline) => page.addTask(p.id, text, deadline)}
          onStep={page.step}
        />
      ))}
      <DrawCard
        check={check}
        verification={page.verification}
        verifying={page.verifying}
        onVerify={() => void page.verify()}
      />
      <Card title="督导记录" extra={`${check.events.length} 条`}>
        {check.events.map((e) => (
          <View key={e.id} className="admin-row">
            <View className="admin-row__main">
              <Text className="admin-row__title">
                {SUPERVISION_EVENT_LABELS[e.action]} · {e.actorName}
              </Text>
              {e.comment ? <Text className="admin-row__sub">{e.comment}</Text> : null}
              <Text className="admin-row__sub">{chinaTime(e.at).format('YYYY-MM-DD HH:mm')}</Text>
            </View>
          </View>
        ))}
      </Card>
    </View>
  )
}
