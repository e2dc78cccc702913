import { View, Text } from '@tarojs/components'
import { MAX_PINNED } from '@domain/groups'
import './pin-toggle.css'

export interface PinToggleProps {
  value: boolean
  onChange: (value: boolean) => void
  disabled?: boolean
}

/** Whether a new announcement is held at the top of the feed; the choice is said in words, not only a tick. */
export function PinToggle({ value, onChange, disabled = false }: PinToggleProps) {
  return (
    <View
      className={`pin-toggle${value ? ' pin-toggle--on' : ''}`}
      ariaRole="button"
      ariaLabel={`置顶这条通知：${value ? '是' : '否'}`}
      onClick={disabled ? undefined : () => onChange(!value)}
    >
      <View className="pin-toggle__box">
        <Text className="pin-toggle__tick">{value ? '✓' : ''}</Text>
      </View>
      <View className="pin-toggle__text">
        <Text className="pin-toggle__label">置顶这条通知：{value ? '是' : '否'}</Text>
        <Text className="pin-toggle__hint">
          {value ? '显示在动态最上方' : '按时间显示在动态中'}，每个党小组最多置顶 {MAX_PINNED} 条
        </Text>
      </View>
    </View>
  )
}
