import { Text } from '@tarojs/components'
import { Loading } from '@nutui/nutui-react-taro'
import './loading-state.css'

export interface LoadingStateProps {
  text?: string
}

/** A wait the person can see (NutUI's Loading, in Party red); used for every first load of a list or screen. */
export function LoadingState({ text = '加载中…' }: LoadingStateProps) {
  return (
    <Loading className="loading-state" direction="vertical">
      <Text className="loading-state__text">{text}</Text>
    </Loading>
  )
}
