import { View, Text } from '@tarojs/components'
import './loading-state.css'

export interface LoadingStateProps {
  text?: string
}

/** A wait the person can see; used for every first load of a list or screen. */
export function LoadingState({ text = '加载中…' }: LoadingStateProps) {
  return (
    <View className="loading-state">
      <View className="loading-state__spinner" />
      <Text className="loading-state__text">{text}</Text>
    </View>
  )
}
