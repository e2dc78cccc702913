import { View, Text } from '@tarojs/components'
import type { MessageView } from '@contract/api'
import { REMINDER_KIND_LABELS } from '@domain/labels'
import { timeText } from '@domain/time'
import { messageTarget } from '../message-page'
import '@/components/list-card'
import './message-item.css'

export interface MessageItemProps {
  message: MessageView
  onOpen: (message: MessageView) => void
}

/** One reminder: what kind, what it says, when, and whether it has been read, in words as well as the dot. */
export function MessageItem({ message, onOpen }: MessageItemProps) {
  const { kind, title, body, createdAt, read } = message
  const label = REMINDER_KIND_LABELS[kind]
  // Most reminders are titled with their kind's own words: say them once.
  const headline = title.trim() && title !== label ? title : null
  const opens = messageTarget(message.page) !== null
  const state = read ? '已读' : '未读'
  return (
    <View
      className={`message-item list-card list-card--barred${read ? '' : ' message-item--unread list-card--flagged'}`}
      ariaRole="button"
      onClick={() => onOpen(message)}
    >
      <View className="message-item__head">
        <Text className="message-item__kind list-card__tag">{label}</Text>
        <View className="message-item__state">
          {read ? null : <View className="message-item__dot" />}
          <Text className="message-item__state-text">{state}</Text>
        </View>
      </View>
      {headline ? <Text className="message-item__title">{headline}</Text> : null}
      {body ? <Text className="message-item__body">{body}</Text> : null}
      <View className="message-item__foot">
        <Text className="message-item__time">{timeText(createdAt)}</Text>
        {opens ? <Text className="message-item__go">查看详情 ›</Text> : null}
      </View>
    </View>
  )
}
