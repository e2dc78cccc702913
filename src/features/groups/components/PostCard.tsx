import { View, Text } from '@tarojs/components'
import type { PostView } from '@contract/api'
import { POST_KIND_LABELS } from '@domain/labels'
import { PhotoGrid } from '@/components/PhotoGrid'
import { timeText } from '@domain/time'
import { PINNED_LABEL, readByMeText } from '../labels'
import '@/components/list-card'
import './post-card.css'

export interface PostCardProps {
  post: PostView
  /** Opens the post's own page; left out there. */
  onOpen?: () => void
  onWithdraw: () => void
  onPin: () => void
  onUnpin: () => void
  onReaders: () => void
}

interface Action {
  label: string
  run: () => void
  danger?: boolean
}

/** One post or announcement: who, when, the text as plain text, photos, reads, comments and what I may do. */
export function PostCard({ post, onOpen, onWithdraw, onPin, onUnpin, onReaders }: PostCardProps) {
  const announcement = post.kind === 'announcement'
  const actions: Action[] = [
    ...(post.can.readers ? [{ label: '查看阅读情况', run: onReaders }] : []),
    ...(post.can.pin ? [{ label: '置顶', run: onPin }] : []),
    ...(post.can.unpin ? [{ label: '取消置顶', run: onUnpin }] : []),
    ...(post.can.withdraw ? [{ label: '撤回', run: onWithdraw, danger: true }] : []),
  ]
  return (
    <View
      className={`post-card list-card${announcement ? ' post-card--announcement' : ''}${post.pinned ? ' post-card--pinned' : ''}`}
    >
      <View className="post-card__body" ariaRole={onOpen ? 'link' : undefined} onClick={onOpen}>
        <View className="post-card__head list-card__entry-head">
          <Text className="post-card__author list-card__who">{post.author.name}</Text>
          <Text className="post-card__time list-card__time">{timeText(post.createdAt)}</Text>
        </View>
        {announcement ? (
          <View className="post-card__tags">
            <Text className="post-card__kind">{POST_KIND_LABELS.announcement}</Text>
            {post.pinned ? (
              <Text className="post-card__pin list-card__tag list-card__tag--warn">{PINNED_LABEL}</Text>
            ) : null}
          </View>
        ) : null}
        {/* Plain text as the member typed it: never parsed as HTML; line breaks kept by the stylesheet.
            Selectable, so a meeting time or place can be copied out of an announcement. */}
        {post.text ? (
          <Text className="post-card__text list-card__text" userSelect>
            {post.text}
          </Text>
        ) : null}
      </View>
      {post.photos.length > 0 ? (
        <View className="post-card__photos">
          <PhotoGrid files={post.photos} />
        </View>
      ) : null}
      <View className="post-card__facts">
        {announcement ? (
          <>
            <Text className="post-card__fact">已读 {post.readCount} 人</Text>
            <Text
              className={`post-card__mine list-card__tag${post.readByMe ? ' list-card__tag--good' : ' list-card__tag--bad'}`}
            >
              {readByMeText(post)}
            </Text>
          </>
        ) : null}
        <Text className="post-card__fact" onClick={onOpen}>
          评论 {post.commentCount}
        </Text>
      </View>
      {actions.length > 0 ? (
        <View className="post-card__actions">
          {actions.map((a) => (
            <View
              key={a.label}
              className={`post-card__action${a.danger ? ' post-card__action--danger' : ''}`}
              ariaRole="button"
              ariaLabel={a.label}
              onClick={a.run}
            >
              <Text className="post-card__action-text">{a.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
