import { Text, View } from '@tarojs/components'
import type { QuizQuestionView } from '@contract/api'
import { QUESTION_KIND_LABELS } from '@domain/labels'
import './question-card.css'

export interface QuestionCardProps {
  /** From 1. */
  number: number
  question: QuizQuestionView
  chosen: number[]
  onChoose: (option: number) => void
  /** After grading: whether I got it right (the right options are not revealed). */
  correct?: boolean
  /** Marked when submitting with it unanswered. */
  missing?: boolean
  disabled?: boolean
}

const LETTERS = 'ABCDEF'

/** One quiz question: 单选 options behave as radios, 多选 as checkboxes; a chosen option says 已选. */
export function QuestionCard({
  number,
  question: q,
  chosen,
  onChoose,
  correct,
  missing = false,
  disabled = false,
}: QuestionCardProps) {
  const graded = correct !== undefined
  return (
    <View
      id={`quiz-q${number}`}
      className={`question-card${missing ? ' question-card--missing' : ''}${graded ? (correct ? ' question-card--right' : ' question-card--wrong') : ''}`}
      ariaRole={q.kind === 'single' ? 'radiogroup' : 'group'}
      ariaLabel={`第 ${number} 题`}
    >
      <View className="question-card__head">
        <Text className="question-card__number">
          第 {number} 题（{QUESTION_KIND_LABELS[q.kind]}）
        </Text>
        {graded ? (
          <Text className={`question-card__verdict question-card__verdict--${correct ? 'right' : 'wrong'}`}>
            {correct ? '✓ 答对' : '✗ 答错'}
          </Text>
        ) : null}
      </View>
      <Text className="question-card__text">{q.text}</Text>
      {q.kind === 'multiple' ? <Text className="question-card__hint">可选多项，全部选对才得分</Text> : null}
      {q.options.map((option, k) => {
        const on = chosen.includes(k)
        return (
          <View
            key={k}
            className={`question-card__option${on ? ' question-card__option--on' : ''}`}
            ariaRole={q.kind === 'single' ? 'radio' : 'checkbox'}
            ariaLabel={`${LETTERS[k]}. ${option}${on ? '（已选）' : ''}`}
            onClick={disabled ? undefined : () => onChoose(k)}
          >
            <Text
              className={`question-card__mark question-card__mark--${q.kind}${on ? ' question-card__mark--on' : ''}`}
            >
              {on ? '✓' : LETTERS[k]}
            </Text>
            <Text className="question-card__option-text">{option}</Text>
            {on ? <Text className="question-card__chosen">已选</Text> : null}
          </View>
        )
      })}
      {missing ? <Text className="question-card__missing">这道题还没有作答</Text> : null}
    </View>
  )
}
