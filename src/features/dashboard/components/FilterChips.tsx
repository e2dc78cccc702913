import { ScrollView, Text, View } from '@tarojs/components'
import './filter-chips.css'

export interface ChipOption<V> {
  value: V
  label: string
}

export interface FilterChipsProps<V> {
  /** What the chips choose, for screen readers: 年度, 类别. */
  name: string
  options: ChipOption<V>[]
  value: V
  onChange: (value: V) => void
}

/** A row of chips, one chosen: the chosen one is framed and bold, and says so to screen readers. */
export function FilterChips<V>({ name, options, value, onChange }: FilterChipsProps<V>) {
  return (
    <ScrollView scrollX className="filter-chips" enhanced showScrollbar={false}>
      <View className="filter-chips__row">
        {options.map((o) => {
          const on = o.value === value
          return (
            <View
              key={String(o.label)}
              className={`filter-chips__chip${on ? ' filter-chips__chip--on' : ''}`}
              onClick={() => onChange(o.value)}
              ariaRole="button"
              ariaLabel={`${name}：${o.label}${on ? '，已选' : ''}`}
            >
              <Text className="filter-chips__text">
                {on ? '✓ ' : ''}
                {o.label}
              </Text>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
