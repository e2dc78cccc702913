import { Text, View } from '@tarojs/components'
import './stepper.css'

export interface StepperProps {
  label: string
  value: number
  min: number
  max: number
  step?: number
  unit: string
  onChange: (value: number) => void
  hint?: string
  disabled?: boolean
}

/** A number set with big − and + buttons: no keyboard, no typing errors, easy on older hands. */
export function Stepper({
  label,
  value,
  min,
  max,
  step = 1,
  unit,
  onChange,
  hint,
  disabled = false,
}: StepperProps) {
  const set = (next: number) => onChange(Math.min(max, Math.max(min, next)))
  return (
    <View className="stepper">
      <View className="stepper__row">
        <Text className="stepper__label">{label}</Text>
        <View className="stepper__controls">
          <View
            className={`stepper__button${disabled || value <= min ? ' stepper__button--off' : ''}`}
            ariaRole="button"
            ariaLabel={`减少${label}`}
            onClick={disabled || value <= min ? undefined : () => set(value - step)}
          >
            <Text className="stepper__sign">−</Text>
          </View>
          <View className="stepper__value" ariaLabel={label}>
            <Text className="stepper__value-text">
              {value} {unit}
            </Text>
          </View>
          <View
            className={`stepper__button${disabled || value >= max ? ' stepper__button--off' : ''}`}
            ariaRole="button"
            ariaLabel={`增加${label}`}
            onClick={disabled || value >= max ? undefined : () => set(value + step)}
          >
            <Text className="stepper__sign">+</Text>
          </View>
        </View>
      </View>
      {hint ? <Text className="stepper__hint">{hint}</Text> : null}
    </View>
  )
}
