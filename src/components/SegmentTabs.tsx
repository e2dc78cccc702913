import { View, Text } from '@tarojs/components'
import { Tabs } from '@nutui/nutui-react-taro'
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

/**
 * A row of tabs: NutUI's Tabs (its scrolling title bar, the selected tab kept in view), themed in Party red. The
 * titles are our own render (NutUI's `title`), since a TabPane's title is text only and ours carry counts and
 * screen-reader roles; the selected one is underlined and bold, so it does not rely on colour alone. The page
 * shows the content below the tabs itself: the panes are empty.
 */
export function SegmentTabs<K extends string>({ tabs, value, onChange }: SegmentTabsProps<K>) {
  return (
    <Tabs
      className="segment-tabs"
      value={value}
      activeType="line"
      title={() => [
        <View key="tabs" className="segment-tabs__list" ariaRole="tablist">
          {tabs.map((tab) => {
            const active = tab.key === value
            return (
              <View
                key={tab.key}
                className={`nut-tabs-titles-item segment-tabs__tab${active ? ' nut-tabs-titles-item-active segment-tabs__tab--active' : ''}`}
                ariaRole="tab"
                ariaLabel={tab.label}
                onClick={() => onChange(tab.key)}
              >
                <View className="nut-tabs-titles-item-line" />
                <Text className="nut-tabs-titles-item-text segment-tabs__label">{tab.label}</Text>
                {tab.count !== undefined ? <Text className="segment-tabs__count">{tab.count}</Text> : null}
              </View>
            )
          })}
        </View>,
      ]}
    >
      {tabs.map((tab) => (
        <Tabs.TabPane key={tab.key} value={tab.key} title={tab.label} />
      ))}
    </Tabs>
  )
}
