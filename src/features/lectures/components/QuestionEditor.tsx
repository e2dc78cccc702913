import { Input, Text, View } from '@tarojs/components'
import type { QuestionKind } from '@contract/entities-community'
import { QUESTION_KIND_LABELS } from '@domain/labels'
import { TextField } from '@/components/TextField'
import { inputRoom, keepWithin } from '@/services/keep-within'
import {
  type DraftQuestion,
  QUIZ_LIMITS,
  toggleAnswer,
  withKind,
  withOption,
  withoutOption,
} from '../lecture-values'
import { OptionChips } from './OptionChips'
import './question-editor.css'

export interface QuestionEditorProps {
  /** From 0. */
  index: number
  question: DraftQuestion
  onChange: (question: DraftQuestion) => void
  onRemove: () => void
  /** What is wrong with it, shown once a save was tried. */
  problem?: string | null
  disabled?: boolean
}

const LETTERS = 'ABCDEF'
const KINDS: { key: QuestionKind; label: string }[] = [
  { key: 'single', label: QUESTION_KIND_LABELS.single },
  { key: 'multiple', label: QUESTION_KIND_LABELS.multiple },
]

/** One quiz question: its kind, text, 2–6 options, and which of them are right (said in words). */
export function QuestionEditor({
  index,
  question: q,
  onChange,
  onRemove,
  problem,
  disabled = false,
}: QuestionEditorProps) {
  const n = index + 1
  const setOption = (k: number, text: string) =>
    onChange({ ...q, options: q.options.map((o, i) => (i === k ? keepWithin(text, QUIZ_LIMITS.option) : o)) })
  return (
    <View className={`question-editor${problem ? ' question-editor--problem' : ''}`}>
      <View className="question-editor__head">
        <Text className="question-editor__index">第 {n} 题</Text>
        {!disabled ? (
          <View
            className="question-editor__remove"
            ariaRole="button"
            ariaLabel={`删除第 ${n} 题`}
            onClick={onRemove}
          >
            <Text className="question-editor__remove-text">删除本题</Text>
          </View>
        ) : null}
      </View>
      <OptionChips
        role="radio"
        options={KINDS}
        selected={[q.kind]}
        onToggle={(kind) => onChange(withKind(q, kind))}
        disabled={disabled}
      />
      <TextField
        label={`第 ${n} 题题目`}
        value={q.text}
        limit={QUIZ_LIMITS.text}
        multiline
        required
        placeholder="请填写题目"
        disabled={disabled}
        onChange={(text) => onChange({ ...q, text })}
      />
      <Text className="question-editor__label">
        选项（点“设为答案”标出正确选项{q.kind === 'multiple' ? '，可标多个' : ''}）
      </Text>
      {q.options.map((option, k) => {
        const right = q.answer.includes(k)
        const name = `第 ${n} 题选项 ${LETTERS[k]}`
        return (
          <View key={k} className="question-editor__option">
            <Text className="question-editor__letter">{LETTERS[k]}</Text>
            <Input
              className="question-editor__input"
              value={option}
              maxlength={inputRoom(QUIZ_LIMITS.option)}
              placeholder={`选项 ${LETTERS[k]}`}
              placeholderClass="question-editor__placeholder"
              disabled={disabled}
              ariaLabel={name}
              onInput={(e) => setOption(k, e.detail.value)}
            />
            <View
              className={`question-editor__answer${right ? ' question-editor__answer--on' : ''}`}
              ariaRole="checkbox"
              ariaLabel={`${name}${right ? '是正确答案' : '设为答案'}`}
              onClick={disabled ? undefined : () => onChange(toggleAnswer(q, k))}
            >
              <Text className="question-editor__answer-text">{right ? '✓ 正确答案' : '设为答案'}</Text>
            </View>
            {!disabled && q.options.length > QUIZ_LIMITS.minOptions ? (
              <View
                className="question-editor__drop"
                ariaRole="button"
                ariaLabel={`删除${name}`}
                onClick={() => onChange(withoutOption(q, k))}
              >
                <Text className="question-editor__drop-text">×</Text>
              </View>
            ) : null}
          </View>
        )
      })}
      {!disabled && q.options.length < QUIZ_LIMITS.maxOptions ? (
        <View
          className="question-editor__add"
          ariaRole="button"
          ariaLabel={`第 ${n} 题添加选项`}
          onClick={() => onChange(withOption(q))}
        >
          <Text className="question-editor__add-text">+ 添加选项</Text>
        </View>
      ) : null}
      {problem ? <Text className="question-editor__problem">{problem}</Text> : null}
    </View>
  )
}
