import { Text, View } from '@tarojs/components'
import './link-row.css'

export interface LinkRowProps {
  /** The row's name, also its name for screen readers. */
  title: string
  hint: string
  onClick: () => void
}

/** A white row that opens a page (提醒设置, 支部党员名册, 组织管理): named as a whole, as a button. */
export function LinkRow({ title, hint, onClick }: LinkRowProps) {
  return (
    <View className="link-row" ariaRole="button" ariaLabel={title} onClick={onClick}>
      <View className="link-row__body">
        <Text className="link-row__title">{title}</Text>
        <Text className="link-row__hint">{hint}</Text>
      </View>
      <Text className="link-row__arrow">›</Text>
    </View>
  )
}
