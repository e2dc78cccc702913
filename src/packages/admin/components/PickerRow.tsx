import { Text, View } from '@tarojs/components'

export interface PickerRowProps {
  /** What is picked (方式, 日期, 申报截止). */
  title: string
  /** The choice so far, or what to do (请选择, 选填). */
  value: string
  /** Said by a screen reader: 选择督导日期. */
  label: string
}

/** The face of a Picker on an admin page: what is picked on the left, the choice and › on the right. */
export function PickerRow({ title, value, label }: PickerRowProps) {
  return (
    <View className="admin-row" ariaRole="button" ariaLabel={label}>
      <Text className="admin-row__title">{title}</Text>
      <Text className="admin-row__value">{value} ›</Text>
    </View>
  )
}
