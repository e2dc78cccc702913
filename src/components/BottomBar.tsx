import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './bottom-bar.css'

export interface BottomBarProps {
  children: ReactNode
}

/** The screen's actions, fixed above the home indicator; pages leave room with `bottom-bar-spacer`. */
export function BottomBar({ children }: BottomBarProps) {
  return (
    <>
      <View className="bottom-bar-spacer" />
      <View className="bottom-bar">{children}</View>
    </>
  )
}
