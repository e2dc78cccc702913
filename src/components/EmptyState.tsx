import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import './empty-state.css'

export interface EmptyStateProps {
  title?: string
  description?: string
  /** An optional next step, e.g. a button. */
  children?: ReactNode
}

/**
 * What a list shows when there is nothing in it yet: NutUI's Empty, with our own 空 mark as its picture (NutUI's
 * default picture is loaded from a JD server, which the app does not call).
 */
export function EmptyState({ title = '暂无内容', description, children }: EmptyStateProps) {
  return (
    <Empty
      className="empty-state"
      image={
        <View className="empty-state__mark">
          <Text className="empty-state__mark-text">空</Text>
        </View>
      }
      title={<Text className="empty-state__title">{title}</Text>}
      description={description ? <Text className="empty-state__description">{description}</Text> : undefined}
    >
      {children}
    </Empty>
  )
}
