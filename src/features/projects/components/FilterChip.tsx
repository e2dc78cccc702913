import { Picker, Text, View } from '@tarojs/components'
import type { FilterOption } from '../project-filters'
import './filter-chip.css'

export interface FilterChipProps<V> {
  /** What the filter is about, for screen readers: 状态, 类别 … */
  name: string
  options: FilterOption<V>[]
  value: V | undefined
  onChange: (value: V | undefined) => void
}

/** A compact picker: shows the current choice; an active filter is bold and framed, not only coloured. */
export function FilterChip<V>({ name, options, value, onChange }: FilterChipProps<V>) {
  const index = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  )
  const active = value !== undefined
  return (
    <Picker
      mode="selector"
      range={options.map((o) => o.label)}
      value={index}
      onChange={(e) => onChange(options[Number(e.detail.value)]?.value)}
    >
      <View
        className={`filter-chip${active ? ' filter-chip--active' : ''}`}
        ariaRole="button"
        ariaLabel={`筛选${name}：${options[index].label}`}
      >
        <Text className="filter-chip__text">{options[index].label}</Text>
        <Text className="filter-chip__arrow">▾</Text>
      </View>
    </Picker>
  )
}
