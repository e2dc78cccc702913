import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { RECTIFICATION_STATUS_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useMyRectifications } from '@/features/supervision/hooks/use-my-rectifications'
import { OVERDUE_WORD } from '@/features/supervision/words'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import '../../admin.css'
import './index.css'

/** 整改任务: what spot checks asked of the caller's branches, open and overdue first; a tap opens the check. */
export default function RectificationsPage() {
  const list = useMyRectifications()
  const data = list.data

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from the spot check (reported done): show the new state.
  useReloadOnReturn(() => list.reload())

  if (!data) {
    return (
      <View className="admin-page">
        {list.error ? (
          <ErrorState
            title="整改任务加载失败"
            message={list.error.message}
            onRetry={list.error.code === 'FORBIDDEN' ? undefined : () => void list.reload()}
          />
        ) : (
          <LoadingState text="正在加载整改任务…" />
        )}
      </View>
    )
  }
  if (data.items.length === 0) {
    return (
      <View className="admin-page">
        <EmptyState title="暂无整改任务" description="党委随机抽查后下达的整改任务会显示在这里" />
      </View>
    )
  }
  return (
    <View className="admin-page">
      <View className="rectifications__summary">
        <Text className="rectifications__figure">待整改 {data.open} 项</Text>
        {data.overdue > 0 ? (
          <Text className="rectifications__overdue">其中已逾期 {data.overdue} 项</Text>
        ) : null}
      </View>
      {data.items.map((r) => (
        <Card key={r.id} title={r.projectTitle} extra={r.branchName}>
          <View
            className="rectifications__item"
            ariaRole="button"
            ariaLabel={`整改：${r.text}`}
            onClick={() => void Taro.navigateTo({ url: routes.spotCheck(r.spotCheckId) })}
          >
            <Text className="admin-row__title">{r.text}</Text>
            <Text className="admin-row__sub">
              时限 {r.deadline} · 责任人 {r.owner.name}
            </Text>
            <View className="rectifications__tags">
              <Text className={r.status === 'confirmed' ? 'admin-word admin-word--done' : 'admin-word'}>
                {RECTIFICATION_STATUS_LABELS[r.status]}
              </Text>
              {r.overdue ? <Text className="admin-word">{OVERDUE_WORD}</Text> : null}
            </View>
            {r.lastComment ? <Text className="admin-row__sub">党委意见：{r.lastComment}</Text> : null}
            {r.mergedNote ? <Text className="admin-row__sub">{r.mergedNote}</Text> : null}
            <Text className="rectifications__go">
              {r.can.includes('complete') ? '去报告整改完成 ›' : '查看抽查 ›'}
            </Text>
          </View>
        </Card>
      ))}
    </View>
  )
}
