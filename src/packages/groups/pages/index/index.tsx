import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { GroupCard } from '@/features/groups/components/GroupCard'
import { useMyGroups } from '@/features/groups/hooks/use-my-groups'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import '@/components/section-head'
import './index.css'

export default function GroupsPage() {
  const groups = useMyGroups()

  usePullDownRefresh(() => {
    void groups.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from a group: its announcements were read, its last post may be new.
  useReloadOnReturn(groups.reload)

  if (groups.error?.code === 'NOT_REGISTERED') {
    return <NotRegistered onRetry={() => void groups.reload()} />
  }
  const list = groups.data
  const unread = list?.reduce((n, g) => n + g.unreadAnnouncements, 0) ?? 0
  return (
    <View className="groups-page">
      <View className="groups-page__head section-head">
        <Text className="groups-page__title section-head__title">我的党小组</Text>
        {list && list.length > 0 ? (
          <Text className="groups-page__summary section-head__count">
            {list.length} 个党小组{unread > 0 ? ` · ${unread} 条通知未读` : ''}
          </Text>
        ) : null}
      </View>
      {!list && groups.loading ? (
        <LoadingState text="正在加载党小组…" />
      ) : groups.error && !list ? (
        <ErrorState
          title="党小组加载失败"
          message={groups.error.message}
          onRetry={() => void groups.reload()}
        />
      ) : list && list.length === 0 ? (
        <EmptyState title="还没有加入党小组" description="党小组由支部书记设置，如有疑问请联系支部书记" />
      ) : (
        list?.map((g) => (
          <GroupCard
            key={g.id}
            group={g}
            markMine={list.length > 1}
            onOpen={() => void Taro.navigateTo({ url: routes.groupFeed(g.id) })}
          />
        ))
      )}
      <View className="groups-page__end" />
    </View>
  )
}
