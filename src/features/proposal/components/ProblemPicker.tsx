import { View, Text } from '@tarojs/components'
import type { GuideProblemView } from '@contract/api'
import { MAX_LINKED_PROBLEMS } from '@domain/guide'
import { SURVEY_FIELD_LABELS } from '@domain/survey'
import './problem-picker.css'

export interface ProblemPickerProps {
  /** The key problems of the year's 选题指南. */
  problems: GuideProblemView[]
  value: string[]
  onChange: (ids: string[]) => void
  /** Told when a choice is refused (more than the most a proposal links). */
  onRefused: (message: string) => void
  disabled?: boolean
}

/** 以问题为导向: the key problems of the year's 调研, ticked for the ones the proposal sets out to solve. */
export function ProblemPicker({
  problems,
  value,
  onChange,
  onRefused,
  disabled = false,
}: ProblemPickerProps) {
  const toggle = (id: string) => {
    if (value.includes(id)) return onChange(value.filter((x) => x !== id))
    if (value.length >= MAX_LINKED_PROBLEMS) return onRefused(`最多关联 ${MAX_LINKED_PROBLEMS} 个调研问题`)
    onChange([...value, id])
  }
  const others = value.filter((id) => !problems.some((p) => p.id === id)).length
  return (
    <View className="problem-picker">
      {problems.map((p) => {
        const on = value.includes(p.id)
        return (
          <View
            key={p.id}
            className={`problem-picker__option${on ? ' problem-picker__option--on' : ''}`}
            ariaRole="checkbox"
            ariaLabel={`${p.text}${on ? '（已关联）' : ''}`}
            onClick={disabled ? undefined : () => toggle(p.id)}
          >
            <Text className="problem-picker__text">
              {on ? '✓ ' : ''}
              {p.text}
            </Text>
            <Text className="problem-picker__sub">
              {SURVEY_FIELD_LABELS[p.field]} · {p.branchName} · {p.count} 人 +1
            </Text>
          </View>
        )
      })}
      {others > 0 ? <Text className="problem-picker__sub">另已关联其他调研问题 {others} 个</Text> : null}
    </View>
  )
}
