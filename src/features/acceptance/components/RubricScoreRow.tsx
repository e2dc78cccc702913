import { View, Text, Input } from '@tarojs/components'
import type { RubricItem } from '@contract/entities'
import './rubric-score-row.css'

export interface RubricScoreRowProps {
  item: RubricItem
  value: string
  onChange: (text: string) => void
  disabled?: boolean
}

/** One rubric line: what is judged, the score typed (0..max), and the maximum. */
export function RubricScoreRow({ item, value, onChange, disabled = false }: RubricScoreRowProps) {
  return (
    <View className="rubric-row">
      <Text className="rubric-row__label">{item.label}</Text>
      <Input
        className="rubric-row__input"
        type="number"
        value={value}
        placeholder="0"
        maxlength={String(item.max).length}
        disabled={disabled}
        ariaLabel={`${item.label}得分`}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className="rubric-row__max">/ {item.max} 分</Text>
    </View>
  )
}
