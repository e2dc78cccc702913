import { View, Text } from '@tarojs/components'
import { PROJECT_CATEGORIES } from '@contract/entities'
import type { ProjectCategory } from '@contract/entities'
import { CATEGORY_LABELS } from '@domain/labels'
import { PROPOSAL_LABELS } from '@domain/proposal'
import './category-picker.css'

export interface CategoryPickerProps {
  id?: string
  value: ProjectCategory | ''
  onChange: (category: ProjectCategory) => void
  error?: string
  disabled?: boolean
  /** The year's names (选题指南), else the defaults. */
  labels?: Record<ProjectCategory, string>
  /** The categories the year's guide offers (the chosen one is always shown), else all five. */
  options?: readonly ProjectCategory[]
}

/** The year's categories as large choices; the chosen one carries a tick, not only a colour. */
export function CategoryPicker({
  id,
  value,
  onChange,
  error,
  disabled = false,
  labels = CATEGORY_LABELS,
  options = PROJECT_CATEGORIES,
}: CategoryPickerProps) {
  const shown = PROJECT_CATEGORIES.filter((c) => options.includes(c) || c === value)
  return (
    <View id={id} className={`category-picker${error ? ' category-picker--error' : ''}`}>
      <Text className="category-picker__label">
        {PROPOSAL_LABELS.category}
        <Text className="category-picker__required">（必填，选一项）</Text>
      </Text>
      <View className="category-picker__options">
        {shown.map((c) => {
          const selected = c === value
          return (
            <View
              key={c}
              className={`category-picker__option${selected ? ' category-picker__option--selected' : ''}`}
              ariaRole="radio"
              ariaLabel={labels[c]}
              onClick={disabled ? undefined : () => onChange(c)}
            >
              <Text className="category-picker__text">
                {selected ? '✓ ' : ''}
                {labels[c]}
              </Text>
            </View>
          )
        })}
      </View>
      {error ? <Text className="category-picker__error">{error}</Text> : null}
    </View>
  )
}
