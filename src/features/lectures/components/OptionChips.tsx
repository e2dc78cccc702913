import { Text, View } from '@tarojs/components'
import '@/components/chips'

export interface OptionChip<K extends string> {
  key: K
  label: string
}

export interface OptionChipsProps<K extends string> {
  options: OptionChip<K>[]
  selected: K[]
  onToggle: (key: K) => void
  /** 'radio' when exactly one is chosen (the scope, a question's kind), 'checkbox' for several (branches). */
  role: 'radio' | 'checkbox'
  disabled?: boolean
}

/** Tap to choose; a chosen chip carries a tick and bold text, not only a colour. */
export function OptionChips<K extends string>({
  options,
  selected,
  onToggle,
  role,
  disabled = false,
}: OptionChipsProps<K>) {
  return (
    <View className="chips" ariaRole={role === 'radio' ? 'radiogroup' : 'group'}>
      {options.map((o) => {
        const on = selected.includes(o.key)
        return (
          <View
            key={o.key}
            className={`chips__chip${on ? ' chips__chip--on' : ''}`}
            ariaRole={role}
            ariaLabel={`${o.label}${on ? '（已选）' : ''}`}
            onClick={disabled ? undefined : () => onToggle(o.key)}
          >
            <Text className="chips__text">
              {on ? '✓ ' : ''}
              {o.label}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
