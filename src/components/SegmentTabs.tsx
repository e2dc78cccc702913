import { View, Text } from '@tarojs/components'
import './segment-tabs.css'

export interface SegmentTab<K extends string> {
  key: K
  label: string
  /** A count shown beside the label, e.g. items waiting. */
  count?: number
}

export interface SegmentTabsProps<K extends string> {
  tabs: SegmentTab<K>[]
  value: K
  onChange: (key: K) => void
}

/** A row of tabs; the selected one is underlined and bold, so it does not rely on colour alone. */
export function SegmentTabs<K extends string>({ tabs, value, onChange }: SegmentTabsProps<K>) {
  return (
    <View className="segment-tabs" ariaRole="tablist">
      {tabs.map((tab) => {
        const active = tab.key === value
        return (
          <View
            key={tab.key}
            className={`segment-tabs__tab${active ? ' segment-tabs__tab--active' : ''}`}
            ariaRole="tab"
            ariaLabel={tab.label}
            onClick={() => onChange(tab.key)}
          >
            <Text className="segment-tabs__label">{tab.label}</Text>
            {tab.count !== undefined ? <Text className="segment-tabs__count">{tab.count}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
