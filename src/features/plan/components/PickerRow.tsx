import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './picker-row.css'

export interface PickerRowProps {
  label: string
  /** The chosen value in words, or null for nothing chosen yet. */
  value: string | null
  placeholder: string
  missing?: boolean
  children?: ReactNode
}

/** The visible row inside a Picker: label on the left, the choice (or a prompt) on the right. */
export function PickerRow({ label, value, placeholder, missing = false }: PickerRowProps) {
  return (
    <View className={`picker-row${missing ? ' picker-row--missing' : ''}`}>
      <Text className="picker-row__label">{label}</Text>
      <Text className={`picker-row__value${value ? '' : ' picker-row__value--empty'}`}>
        {value ?? placeholder}
      </Text>
      <Text className="picker-row__arrow">›</Text>
    </View>
  )
}
