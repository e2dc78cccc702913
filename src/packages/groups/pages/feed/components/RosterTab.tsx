import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { MemberRow } from '@/features/groups/components/MemberRow'
import { useRoster } from '@/features/groups/hooks/use-roster'

export interface RosterTabProps {
  groupId: string | undefined
}

/** 成员: loaded when the tab is opened, reloaded on pull-down while it is open. */
export function RosterTab({ groupId }: RosterTabProps) {
  const roster = useRoster(groupId)
  usePullDownRefresh(() => {
    void roster.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const data = roster.data
  if (!data)
    return roster.error ? (
      <ErrorState title="成员加载失败" message={roster.error.message} onRetry={() => void roster.reload()} />
    ) : (
      <LoadingState text="正在加载成员…" />
    )
  if (data.members.length === 0) return <EmptyState title="本组还没有成员" />
  const month = Number(data.month.slice(5, 7))
  return (
    <View>
      <Card title={`本组成员（${data.members.length} 人）`} extra={`打卡统计：${month}月`}>
        {data.members.map((m) => (
          <MemberRow key={m.id} member={m} />
        ))}
      </Card>
    </View>
  )
}
