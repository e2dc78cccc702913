import { View, Text } from '@tarojs/components'
import './list-footer.css'

export interface ListFooterProps {
  loadingMore: boolean
  hasMore: boolean
  onMore: () => void
  /** Said when everything is on screen. */
  endText?: string
}

/** The end of a paged list: loading, a 加载更多 button (reach-bottom does the same), or that it is all. */
export function ListFooter({ loadingMore, hasMore, onMore, endText = '已全部显示' }: ListFooterProps) {
  if (loadingMore)
    return (
      <View className="list-footer">
        <Text className="list-footer__text">正在加载更多…</Text>
      </View>
    )
  if (hasMore)
    return (
      <View className="list-footer list-footer--more" ariaRole="button" onClick={onMore}>
        <Text className="list-footer__more">加载更多</Text>
      </View>
    )
  return (
    <View className="list-footer">
      <Text className="list-footer__text">{endText}</Text>
    </View>
  )
}
