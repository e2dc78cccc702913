import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { ReaderLists } from '@/features/groups/components/ReaderLists'
import { useReaders } from '@/features/groups/hooks/use-readers'
import { useRemindUnread } from '@/features/groups/hooks/use-remind-unread'
import './index.css'

export default function ReadersPage() {
  const { params } = useRouter()
  const readers = useReaders(params.id)
  const reminder = useRemindUnread(readers.data ?? null, readers.reload)
  const data = readers.data

  usePullDownRefresh(() => {
    void readers.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="readers-page">
      {readers.data ? (
        <>
          <ReaderLists readers={readers.data} />
          {data && data.unread.length > 0 && (
            <View className="readers-page__remind">
              <Button
                type="primary"
                block
                disabled={data.remindedToday || reminder.busy}
                loading={reminder.busy}
                onClick={() => void reminder.remind()}
              >
                {data.remindedToday ? '今天已提醒' : `提醒未读（${data.unread.length} 人）`}
              </Button>
              <Text className="readers-page__hint">
                {data.remindedToday
                  ? '今天已给未读组员发过提醒，明天可以再提醒。'
                  : '未读的组员会在“消息”中收到提醒；订阅了微信通知的还会收到推送。每天可提醒一次。'}
              </Text>
            </View>
          )}
        </>
      ) : readers.error ? (
        // The server says who may see this (支部书记 and 党小组长); its words explain a refusal.
        <ErrorState
          title="无法查看阅读情况"
          message={readers.error.message}
          onRetry={readers.error.code === 'FORBIDDEN' ? undefined : () => void readers.reload()}
        />
      ) : (
        <LoadingState text="正在加载阅读情况…" />
      )}
      <View className="readers-page__end" />
    </View>
  )
}
