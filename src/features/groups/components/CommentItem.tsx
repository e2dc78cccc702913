import { View, Text } from '@tarojs/components'
import type { CommentView } from '@contract/api'
import { timeText } from '@domain/time'
import '@/components/list-card'
import './comment-item.css'

export interface CommentItemProps {
  comment: CommentView
}

/** One comment: who, when, and the text as plain text. */
export function CommentItem({ comment }: CommentItemProps) {
  return (
    <View className="comment-item list-card__entry">
      <View className="comment-item__head list-card__entry-head">
        <Text className="comment-item__author list-card__who">
          {comment.author.name}
          {comment.mine ? <Text className="comment-item__me">（我）</Text> : null}
        </Text>
        <Text className="comment-item__time list-card__time">{timeText(comment.createdAt)}</Text>
      </View>
      <Text className="comment-item__text list-card__text">{comment.text}</Text>
    </View>
  )
}
