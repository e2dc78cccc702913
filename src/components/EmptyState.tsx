import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './empty-state.css'

export interface EmptyStateProps {
  title?: string
  description?: string
  /** An optional next step, e.g. a button. */
  children?: ReactNode
}

/** What a list shows when there is nothing in it yet. */
export function EmptyState({ title = '暂无内容', description, children }: EmptyStateProps) {
  return (
    <View className="empty-state">
      <View className="empty-state__mark">
        <Text className="empty-state__mark-text">空</Text>
      </View>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__description">{description}</Text> : null}
      {children}
    </View>
  )
}
