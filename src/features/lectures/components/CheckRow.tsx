import { Text, View } from '@tarojs/components'
import './check-row.css'

export interface CheckRowProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: string
  disabled?: boolean
}

/** A yes/no setting as one tappable row; its state is said in words (是 / 否), with a tick when on. */
export function CheckRow({ label, checked, onChange, hint, disabled = false }: CheckRowProps) {
  return (
    <View
      className={`check-row${checked ? ' check-row--on' : ''}`}
      ariaRole="checkbox"
      ariaLabel={`${label}：${checked ? '是' : '否'}`}
      onClick={disabled ? undefined : () => onChange(!checked)}
    >
      <View className="check-row__box">
        <Text className="check-row__tick">{checked ? '✓' : ''}</Text>
      </View>
      <View className="check-row__body">
        <Text className="check-row__label">{label}</Text>
        {hint ? <Text className="check-row__hint">{hint}</Text> : null}
      </View>
      <Text className="check-row__state">{checked ? '是' : '否'}</Text>
    </View>
  )
}
