import { Text, View } from '@tarojs/components'
import { percent, stackedBar } from '../charts'
import './stacked-bar.css'

export interface StackedPart<K extends string> {
  key: K
  /** The part's word, shown in the legend: colour never carries it alone. */
  label: string
  value: number
}

export interface StackedBarProps<K extends string> {
  parts: StackedPart<K>[]
  unit: string
  /** Opens the list behind one part. */
  onSelect?: (key: K) => void
  /** Parts with nothing in them are listed too (with 0) when true. */
  showEmpty?: boolean
}

/** One bar split into its parts, and under it a legend row per part with its word and figure. */
export function StackedBar<K extends string>({
  parts,
  unit,
  onSelect,
  showEmpty = false,
}: StackedBarProps<K>) {
  const segments = stackedBar(parts)
  const index = new Map(parts.map((p, i) => [p.key, i]))
  const label = new Map(parts.map((p) => [p.key, p.label]))
  return (
    <View className="stacked-bar">
      <View className="stacked-bar__track">
        {segments.map((s) => (
          <View
            key={s.key}
            className={`stacked-bar__segment stacked-bar__segment--${index.get(s.key) ?? 0}`}
            style={{ width: percent(s.share, 1) }}
            ariaLabel={`${label.get(s.key) ?? s.key} ${s.value} ${unit}`}
          />
        ))}
      </View>
      <View className="stacked-bar__legend">
        {parts
          .filter((p) => showEmpty || p.value > 0)
          .map((p) => (
            <View
              key={p.key}
              className={`stacked-bar__item${onSelect ? ' stacked-bar__item--link' : ''}`}
              onClick={onSelect ? () => onSelect(p.key) : undefined}
              ariaRole={onSelect ? 'button' : undefined}
              ariaLabel={`${p.label} ${p.value} ${unit}${onSelect ? '，查看明细' : ''}`}
            >
              <View className={`stacked-bar__swatch stacked-bar__segment--${index.get(p.key) ?? 0}`} />
              <Text className="stacked-bar__name">{p.label}</Text>
              <Text className="stacked-bar__value">
                {p.value} {unit}
              </Text>
            </View>
          ))}
      </View>
    </View>
  )
}
