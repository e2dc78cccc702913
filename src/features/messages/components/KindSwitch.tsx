import { Text, View } from '@tarojs/components'
import './kind-switch.css'

export interface KindSwitchProps {
  label: string
  on: boolean
  /** Under the label, e.g. that this kind is only in 消息. */
  hint?: string
  /** Saving: the row says so and ignores taps. */
  busy?: boolean
  onToggle: () => void
}

/** One reminder kind as a tappable row whose state is a word (开 / 关), the track only repeating it. */
export function KindSwitch({ label, on, hint, busy = false, onToggle }: KindSwitchProps) {
  const word = on ? '开' : '关'
  return (
    <View
      className={`kind-switch${on ? ' kind-switch--on' : ''}${busy ? ' kind-switch--busy' : ''}`}
      ariaRole="switch"
      ariaLabel={`${label}：${word}`}
      onClick={busy ? undefined : onToggle}
    >
      <View className="kind-switch__body">
        <Text className="kind-switch__label">{label}</Text>
        {hint ? <Text className="kind-switch__hint">{hint}</Text> : null}
      </View>
      <Text className="kind-switch__word">{busy ? '保存中' : word}</Text>
      <View className="kind-switch__track">
        <View className="kind-switch__thumb" />
      </View>
    </View>
  )
}
