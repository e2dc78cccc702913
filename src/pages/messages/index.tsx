import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { ListFooter } from '@/components/ListFooter'
import { LoadingState } from '@/components/LoadingState'
import { MessageItem } from '@/features/messages/components/MessageItem'
import { SettingsEntry } from '@/features/messages/components/SettingsEntry'
import { useMessages } from '@/features/messages/hooks/use-messages'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import './index.css'

export default function MessagesPage() {
  const messages = useMessages()
  const { list, unread } = messages

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // Back from a message's page or another tab: new reminders may have arrived, the count may have changed.
  useReloadOnReturn(messages.catchUp)

  if (list.error?.code === 'NOT_REGISTERED') {
    return (
      <View className="messages-page">
        <NotRegistered onRetry={() => void list.refresh()} />
      </View>
    )
  }

  return (
    <View className="messages-page">
      <SettingsEntry onClick={() => void Taro.navigateTo({ url: routes.reminderSettings })} />

      <View className="messages-page__head">
        <View className="messages-page__heading">
          <Text className="messages-page__title">我的消息</Text>
          {unread !== null ? (
            <Text className="messages-page__summary">
              {unread > 0 ? `未读 ${unread} 条` : '没有未读消息'}
            </Text>
          ) : null}
        </View>
        {unread !== null && unread > 0 ? (
          <View
            className={`messages-page__read-all${messages.marking ? ' messages-page__read-all--busy' : ''}`}
            ariaRole="button"
            onClick={messages.marking ? undefined : () => void messages.markAll()}
          >
            <Text className="messages-page__read-all-text">
              {messages.marking ? '正在标记…' : '全部已读'}
            </Text>
          </View>
        ) : null}
      </View>

      {list.loading && list.items.length === 0 ? (
        <LoadingState text="正在加载消息…" />
      ) : list.error ? (
        <ErrorState title="消息加载失败" message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="暂无消息" description="里程碑到期、待审批事项、必学讲坛等提醒会显示在这里" />
      ) : (
        <View className="messages-page__list">
          {list.items.map((m) => (
            <MessageItem key={m.id} message={m} onOpen={(message) => void messages.open(message)} />
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </View>
  )
}
