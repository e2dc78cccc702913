import { View, Text } from '@tarojs/components'
import './project-list-footer.css'

export interface ProjectListFooterProps {
  loadingMore: boolean
  hasMore: boolean
  total: number
}

/** Says whether more is coming, so the end of the list is never a silent stop. */
export function ProjectListFooter({ loadingMore, hasMore, total }: ProjectListFooterProps) {
  const text = loadingMore ? '正在加载更多…' : hasMore ? '上拉加载更多' : `共 ${total} 个项目，已全部显示`
  return (
    <View className="project-list-footer">
      <Text className="project-list-footer__text">{text}</Text>
    </View>
  )
}
