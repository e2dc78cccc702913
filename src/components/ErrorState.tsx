import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './error-state.css'

export interface ErrorStateProps {
  title?: string
  message: string
  /** Shown as a 重试 button when given. */
  onRetry?: () => void
  retryText?: string
  /** What the person can do instead of 重试 (the invite form of 尚未登记), below the message. */
  children?: ReactNode
  /** The root's own class beside `error-state`, for a screen's own spacing. */
  className?: string
}

/** A failed load, said in words, with one way forward. */
export function ErrorState({
  title = '加载失败',
  message,
  onRetry,
  retryText = '重试',
  children,
  className,
}: ErrorStateProps) {
  return (
    <View className={className ? `error-state ${className}` : 'error-state'}>
      <View className="error-state__mark">
        <Text className="error-state__mark-text">!</Text>
      </View>
      <Text className="error-state__title">{title}</Text>
      <Text className="error-state__message">{message}</Text>
      {onRetry ? (
        <Button className="error-state__retry" type="primary" onClick={onRetry}>
          {retryText}
        </Button>
      ) : null}
      {children}
    </View>
  )
}
