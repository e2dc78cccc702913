import { View, Text } from '@tarojs/components'
import type { CommentView } from '@contract/api'
import { timeText } from '@domain/time'
import './comment-item.css'

export interface CommentItemProps {
  comment: CommentView
}

/** One comment: who, when, and the text as plain text. */
export function CommentItem({ comment }: CommentItemProps) {
  return (
    <View className="comment-item">
      <View className="comment-item__head">
        <Text className="comment-item__author">
          {comment.author.name}
          {comment.mine ? <Text className="comment-item__me">（我）</Text> : null}
        </Text>
        <Text className="comment-item__time">{timeText(comment.createdAt)}</Text>
      </View>
      <Text className="comment-item__text">{comment.text}</Text>
    </View>
  )
}
