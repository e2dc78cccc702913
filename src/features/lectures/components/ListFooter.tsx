import { Text, View } from '@tarojs/components'
import './list-footer.css'

export interface ListFooterProps {
  loadingMore: boolean
  hasMore: boolean
  onMore: () => void
}

/** Says whether more is coming, with a button for those who do not pull up; the end is never a silent stop. */
export function ListFooter({ loadingMore, hasMore, onMore }: ListFooterProps) {
  if (loadingMore)
    return (
      <View className="list-footer">
        <Text className="list-footer__text">正在加载更多…</Text>
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
      <Text className="list-footer__text">已全部显示</Text>
    </View>
  )
}
