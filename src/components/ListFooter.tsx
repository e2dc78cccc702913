import { Text, View } from '@tarojs/components'
import type { PagedList } from '@/hooks/use-paged-list'
import './list-footer.css'

export interface ListFooterProps {
  /** The paged list (usePagedList, or a hook built on it): its state, and loadMore for 加载更多 and 重试. */
  list: Pick<PagedList<unknown>, 'loadingMore' | 'hasMore' | 'moreFailed' | 'loadMore'>
  /** 'pull' says 上拉加载更多 instead of showing a 加载更多 button (lists whose pages are long enough to pull). */
  more?: 'button' | 'pull'
  /** Said when everything is on screen. */
  endText?: string
}

/** The end of a paged list: loading, more to come (button or pull), a failure with 重试, or that it is all. */
export function ListFooter({ list, more = 'button', endText = '已全部显示' }: ListFooterProps) {
  const { loadingMore, hasMore, moreFailed: failed } = list
  const onMore = () => void list.loadMore()
  if (loadingMore)
    return (
      <View className="list-footer">
        <Text className="list-footer__text">正在加载更多…</Text>
      </View>
    )
  if (hasMore && failed)
    return (
      <View
        className="list-footer list-footer--more"
        ariaRole="button"
        ariaLabel="加载失败，重试"
        onClick={onMore}
      >
        <Text className="list-footer__text">加载失败，</Text>
        <Text className="list-footer__more">重试</Text>
      </View>
    )
  if (hasMore && more === 'pull')
    return (
      <View className="list-footer">
        <Text className="list-footer__text">上拉加载更多</Text>
      </View>
    )
  if (hasMore)
    return (
      <View className="list-footer list-footer--more" ariaRole="button" ariaLabel="加载更多" onClick={onMore}>
        <Text className="list-footer__more">加载更多</Text>
      </View>
    )
  return (
    <View className="list-footer">
      <Text className="list-footer__text">{endText}</Text>
    </View>
  )
}
