import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { PendingNotice } from '@/features/checkin/components/PendingNotice'
import { TaskItem } from '@/features/checkin/components/TaskItem'
import { useMyTasks } from '@/features/checkin/hooks/use-my-tasks'
import { usePendingCheckins } from '@/features/checkin/pending-store'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { confirmAction } from '@/services/confirm'
import { routes } from '@/routes'
import '@/components/section-head'
import './index.css'

export default function CheckinPage() {
  const tasks = useMyTasks()
  const pending = usePendingCheckins()

  const reloadAll = async () => {
    await pending.flush()
    await tasks.reload()
  }
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from a check-in or a submission: counts and statuses changed.
  useReloadOnReturn(() => {
    pending.reload()
    return tasks.reload()
  })

  const discard = async (requestId: string) => {
    const ok = await confirmAction({
      title: '删除这条打卡',
      content: '删除后无法恢复，确定删除吗？',
      confirmText: '删除',
    })
    if (ok) pending.discard(requestId)
  }

  if (tasks.error?.code === 'NOT_REGISTERED') {
    return <NotRegistered onRetry={() => void tasks.reload()} />
  }
  const data = tasks.data
  return (
    <View className="checkin-page">
      <View className="checkin-page__head section-head">
        <Text className="checkin-page__title section-head__title">我的任务</Text>
        {data ? (
          <Text className="checkin-page__summary section-head__count">
            {data.items.length} 项{data.overdue > 0 ? ` · ${data.overdue} 项已逾期` : ''}
          </Text>
        ) : null}
      </View>
      <PendingNotice
        items={pending.items}
        sending={pending.sending}
        onRetry={() => void reloadAll()}
        onRetryOne={(id) => void pending.retry(id)}
        onDiscard={(id) => void discard(id)}
      />
      {!data && tasks.loading ? (
        <LoadingState text="正在加载我的任务…" />
      ) : tasks.error && !data ? (
        <ErrorState title="任务加载失败" message={tasks.error.message} onRetry={() => void tasks.reload()} />
      ) : data && data.items.length === 0 ? (
        <EmptyState title="暂无任务" description="支部把项目任务落实到你之后，会显示在这里" />
      ) : (
        data?.items.map((item) => (
          <TaskItem
            key={item.key}
            item={item}
            onCheckIn={() =>
              void Taro.navigateTo({
                url: routes.checkinNew(item.project.id, item.task.id, item.milestone?.id),
              })
            }
            onSubmit={() =>
              item.milestone && void Taro.navigateTo({ url: routes.milestoneSubmit(item.milestone.id) })
            }
          />
        ))
      )}
      <View className="checkin-page__end" />
    </View>
  )
}
