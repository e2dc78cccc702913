import { View, Text, Input, Picker } from '@tarojs/components'
import type { MemberView } from '@contract/api'
import { FIVE_CLEAR } from '@domain/plan'
import { TextField, optionalParagraph } from '@/components/TextField'
import { missingFiveClearLabels, today } from '@/features/projects'
import type { DraftMilestone } from '../plan-draft'
import { PickerRow } from './PickerRow'
import './plan-editor.css'
import './milestone-editor.css'

export interface MilestoneEditorProps {
  index: number
  milestone: DraftMilestone
  members: MemberView[]
  /** The days a deadline may fall on (YYYY-MM-DD). */
  deadlineRange: { start: string; end: string }
  disabled: boolean
  onChange: (patch: Partial<DraftMilestone>) => void
  onRemove: () => void
}

/** Quality standard and expected goal: as long as the function accepts. */
const TEXT_LIMIT = 300
/** The two clears a sentence or two answers: 质量标准 and 预期目标. */
const PARAGRAPHS = ['qualityStandard', 'expectedGoal'] as const
const TITLE_LIMIT = 60

const toWeight = (text: string) => {
  const n = parseInt(text.replace(/\D/g, ''), 10)
  return Number.isNaN(n) ? 0 : Math.min(100, n)
}

/** One milestone with its 五个明确; says which of the five are still missing. */
export function MilestoneEditor({
  index,
  milestone: m,
  members,
  deadlineRange,
  disabled,
  onChange,
  onRemove,
}: MilestoneEditorProps) {
  const missing = missingFiveClearLabels(m)
  const ownerIndex = members.findIndex((p) => p.id === m.ownerId)
  const owner = ownerIndex >= 0 ? members[ownerIndex].name : null
  const isMissing = (label: string) => missing.includes(label)
  return (
    <View className="milestone-editor">
      <View className="milestone-editor__head">
        <Text className="milestone-editor__index">里程碑 {index + 1}</Text>
        {!disabled ? (
          <Text className="plan-editor__remove" onClick={onRemove}>
            删除里程碑
          </Text>
        ) : null}
      </View>
      <TextField
        label="里程碑名称"
        value={m.title}
        limit={TITLE_LIMIT}
        disabled={disabled}
        onChange={(title) => onChange({ title })}
      />
      <View
        className={`milestone-editor__weight${isMissing(FIVE_CLEAR.weight) ? ' milestone-editor__weight--missing' : ''}`}
      >
        <Text className="milestone-editor__label">{FIVE_CLEAR.weight}</Text>
        <Input
          className="milestone-editor__weight-input"
          type="number"
          value={m.weight ? String(m.weight) : ''}
          placeholder="0"
          maxlength={3}
          disabled={disabled}
          ariaLabel={FIVE_CLEAR.weight}
          onInput={(e) => onChange({ weight: toWeight(e.detail.value) })}
        />
        <Text className="milestone-editor__unit">%</Text>
      </View>
      <Picker
        mode="selector"
        range={members}
        rangeKey="name"
        value={ownerIndex >= 0 ? ownerIndex : 0}
        disabled={disabled || members.length === 0}
        onChange={(e) => {
          const picked = members[Number(e.detail.value)]
          if (picked) onChange({ ownerId: picked.id })
        }}
      >
        <PickerRow
          label={FIVE_CLEAR.ownerId}
          value={owner}
          placeholder="请选择责任人"
          missing={isMissing(FIVE_CLEAR.ownerId)}
        />
      </Picker>
      <Picker
        mode="date"
        value={m.deadline ?? today()}
        start={deadlineRange.start}
        end={deadlineRange.end}
        disabled={disabled}
        onChange={(e) => onChange({ deadline: String(e.detail.value) })}
      >
        <PickerRow
          label={FIVE_CLEAR.deadline}
          value={m.deadline}
          placeholder="请选择日期"
          missing={isMissing(FIVE_CLEAR.deadline)}
        />
      </Picker>
      {PARAGRAPHS.map((key) => (
        <TextField
          key={key}
          {...optionalParagraph(FIVE_CLEAR[key], TEXT_LIMIT)}
          value={m[key]}
          disabled={disabled}
          onChange={(text) => onChange({ [key]: text })}
        />
      ))}
      {missing.length ? (
        <Text className="milestone-editor__missing">五个明确缺少：{missing.join('、')}</Text>
      ) : (
        <Text className="milestone-editor__complete">✓ 五个明确已齐全</Text>
      )}
    </View>
  )
}
