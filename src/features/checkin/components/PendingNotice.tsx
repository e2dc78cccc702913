import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PendingCheckin } from '../outbox'
import './pending-notice.css'

export interface PendingNoticeProps {
  items: PendingCheckin[]
  sending: boolean
  onRetry: () => void
  /** Sends one check-in that failed again. */
  onRetryOne: (requestId: string) => void
  onDiscard: (requestId: string) => void
}

/** Check-ins kept on the phone: the member sees they are not lost, and which the server refused. */
export function PendingNotice({ items, sending, onRetry, onRetryOne, onDiscard }: PendingNoticeProps) {
  if (items.length === 0) return null
  const waiting = items.filter((p) => !p.refused)
  return (
    <View className="pending-notice" ariaRole="status">
      {waiting.length > 0 ? (
        <View className="pending-notice__head">
          <Text className="pending-notice__title">
            {sending ? '正在发送…' : `${waiting.length} 条打卡待发送`}
          </Text>
          <Button size="small" type="default" disabled={sending} onClick={onRetry}>
            立即重试
          </Button>
        </View>
      ) : null}
      {waiting.length > 0 ? (
        <Text className="pending-notice__hint">
          网络不佳，打卡已保存在手机上，联网后自动提交，不会重复记录。
        </Text>
      ) : null}
      {items
        .filter((p) => p.refused)
        .map((p) => (
          <View key={p.payload.requestId} className="pending-notice__refused">
            <Text className="pending-notice__refused-text">
              “{p.label}”的打卡未能提交：{p.refused}
            </Text>
            <View
              className="pending-notice__discard"
              ariaRole="button"
              ariaLabel="重新提交这条打卡"
              onClick={() => !sending && onRetryOne(p.payload.requestId)}
            >
              <Text>重试</Text>
            </View>
            <View
              className="pending-notice__discard"
              ariaRole="button"
              ariaLabel="删除这条打卡"
              onClick={() => onDiscard(p.payload.requestId)}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
    </View>
  )
}
