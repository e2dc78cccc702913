import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { POST_LIMITS } from '@domain/groups'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { TextField, optionalParagraph } from '@/components/TextField'
import { CommentItem } from '@/features/groups/components/CommentItem'
import { ListFooter } from '@/components/ListFooter'
import { PostCard } from '@/features/groups/components/PostCard'
import { useCommentBox } from '@/features/groups/hooks/use-comment-box'
import { useComments } from '@/features/groups/hooks/use-comments'
import { useMarkRead } from '@/features/groups/hooks/use-mark-read'
import { usePostActions } from '@/features/groups/hooks/use-post-actions'
import { useStoredPost } from '@/features/groups/hooks/use-stored-post'
import { routes } from '@/routes'
import './index.css'

export default function PostPage() {
  const { params } = useRouter()
  const postId = params.id
  const stored = useStoredPost(postId)
  const withdrawn = stored.withdrawn
  // A withdrawn post is gone: nothing of it is shown, its comments are not asked for.
  const post = withdrawn ? undefined : stored.post
  const comments = useComments(post?.id)
  const box = useCommentBox(post?.id, comments.add)
  const actions = usePostActions(() => void Taro.navigateBack())
  // An announcement opened on its own page has been read, pinned or not.
  useMarkRead(post ? [post] : [])

  usePullDownRefresh(() => {
    void comments.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void comments.loadMore()
  })

  if (!post && stored.loading) return <LoadingState text="正在加载…" />
  if (!post) {
    return (
      <View className="post-page">
        <ErrorState
          title={withdrawn ? '这条内容已撤回' : '无法打开这条内容'}
          message={
            withdrawn
              ? '撤回的内容不再显示'
              : (stored.error?.message ?? (postId ? '内容可能已撤回' : '没有指定要查看的内容'))
          }
          retryText="去党小组"
          onRetry={() => void Taro.redirectTo({ url: routes.groups })}
        />
      </View>
    )
  }

  return (
    <View className="post-page">
      <View className="post-page__post">
        <PostCard
          post={post}
          onWithdraw={() => void actions.withdraw(post)}
          onPin={() => void actions.pin(post)}
          onUnpin={() => void actions.unpin(post)}
          onReaders={() => void Taro.navigateTo({ url: routes.readers(post.id) })}
        />
      </View>
      <Card title="评论" extra={`共 ${post.commentCount} 条`}>
        {comments.loading && comments.items.length === 0 ? (
          <LoadingState text="正在加载评论…" />
        ) : comments.error ? (
          <ErrorState
            title="评论加载失败"
            message={comments.error.message}
            onRetry={() => void comments.refresh()}
          />
        ) : comments.items.length === 0 ? (
          <Text className="post-page__none">还没有评论，来说两句</Text>
        ) : (
          <>
            {comments.items.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
            <ListFooter list={comments} endText="评论已全部显示" />
          </>
        )}
      </Card>
      <Card title="写评论">
        <TextField
          {...optionalParagraph('评论', POST_LIMITS.comment, '说说你的看法')}
          value={box.text}
          error={box.error}
          disabled={box.sending}
          onChange={box.setText}
        />
        <View className="post-page__send">
          <Button type="primary" block loading={box.sending} onClick={() => void box.send()}>
            {box.sending ? '正在发送…' : '发送'}
          </Button>
        </View>
      </Card>
      <View className="post-page__end" />
    </View>
  )
}
