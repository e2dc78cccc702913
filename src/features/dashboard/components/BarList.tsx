import { Text, View } from '@tarojs/components'
import { barFractions, percent } from '../charts'
import './bar-list.css'

export interface BarItem {
  key: string
  label: string
  value: number
  /** The figure beside the bar; the value with its unit by default. */
  text?: string
}

export interface BarListProps {
  items: BarItem[]
  unit: string
  /** The bars' 100%: the largest value when left out. */
  max?: number
  onSelect?: (key: string) => void
}

/** Horizontal bars, one row each: the word, the bar, and the figure written beside it. */
export function BarList({ items, unit, max, onSelect }: BarListProps) {
  const fractions = barFractions(
    items.map((i) => i.value),
    max,
  )
  return (
    <View className="bar-list">
      {items.map((item, i) => {
        const text = item.text ?? `${item.value} ${unit}`
        return (
          <View
            key={item.key}
            className={`bar-list__row${onSelect ? ' bar-list__row--link' : ''}`}
            onClick={onSelect ? () => onSelect(item.key) : undefined}
            ariaRole={onSelect ? 'button' : undefined}
            ariaLabel={`${item.label} ${text}${onSelect ? '，查看明细' : ''}`}
          >
            <Text className="bar-list__label">{item.label}</Text>
            <View className="bar-list__track">
              <View className="bar-list__fill" style={{ width: percent(fractions[i], 1) }} />
            </View>
            <Text className="bar-list__text">{text}</Text>
          </View>
        )
      })}
    </View>
  )
}
