import { Text, View } from '@tarojs/components'
import type { PostView } from '@contract/api'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { ListFooter } from '@/components/ListFooter'
import { PostCard } from '@/features/groups/components/PostCard'
import type { GroupFeedState } from '@/features/groups/hooks/use-group-feed'
import type { PostActions } from '@/features/groups/hooks/use-post-actions'
import './feed-panel.css'

export interface FeedPanelProps {
  feed: GroupFeedState
  actions: PostActions
  onOpen: (post: PostView) => void
  onReaders: (post: PostView) => void
}

/** 动态: pinned announcements first, then posts newest first, growing on reach-bottom or 加载更多. */
export function FeedPanel({ feed, actions, onOpen, onReaders }: FeedPanelProps) {
  const { pinned, items } = feed
  const empty = pinned.length === 0 && items.length === 0
  if (feed.loading && empty) return <LoadingState text="正在加载动态…" />
  if (feed.error)
    return (
      <ErrorState title="动态加载失败" message={feed.error.message} onRetry={() => void feed.refresh()} />
    )
  if (empty) return <EmptyState title="还没有动态" description="发一条动态，和组员分享工作进展和学习心得" />

  const card = (post: PostView) => (
    <PostCard
      key={post.id}
      post={post}
      onOpen={() => onOpen(post)}
      onWithdraw={() => void actions.withdraw(post)}
      onPin={() => void actions.pin(post)}
      onUnpin={() => void actions.unpin(post)}
      onReaders={() => onReaders(post)}
    />
  )
  return (
    <View className="feed-panel">
      {pinned.length > 0 ? (
        <>
          <Text className="feed-panel__label">置顶通知</Text>
          {pinned.map(card)}
          <Text className="feed-panel__label">全部动态</Text>
        </>
      ) : null}
      {items.map(card)}
      <ListFooter list={feed} endText={items.length === 0 ? '除置顶通知外还没有动态' : '已全部显示'} />
    </View>
  )
}
