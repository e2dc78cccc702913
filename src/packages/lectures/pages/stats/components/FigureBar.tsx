import { Text, View } from '@tarojs/components'
import './figure-bar.css'

export interface FigureBarProps {
  /** 0–1 of the track. */
  fraction: number
  /** The figure in words beside the bar: the bar only repeats it. */
  text: string
}

/** A plain horizontal bar made of views, with its figure written beside it. */
export function FigureBar({ fraction, text }: FigureBarProps) {
  const width = Math.round(Math.min(1, Math.max(0, fraction)) * 100)
  return (
    <View className="figure-bar">
      <View className="figure-bar__track">
        <View className="figure-bar__fill" style={{ width: `${width}%` }} />
      </View>
      <Text className="figure-bar__text">{text}</Text>
    </View>
  )
}
