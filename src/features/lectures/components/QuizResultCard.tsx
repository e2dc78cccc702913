import { Text, View } from '@tarojs/components'
import type { QuizResult } from '@contract/api'
import { answerKeyWords } from '../study-words'
import './quiz-result-card.css'

export interface QuizResultCardProps {
  result: QuizResult
}

/**
 * The graded attempt in words: 通过 or 未通过, the score against the pass mark, the attempts left today, and
 * (once the lecture allows it: after passing, or after the day's last attempt) which questions were wrong and
 * the right answers.
 */
export function QuizResultCard({ result: r }: QuizResultCardProps) {
  const wrong = r.results.flatMap((q, k) => (q.correct ? [] : [k + 1]))
  return (
    <View className={`quiz-result quiz-result--${r.passed ? 'passed' : 'failed'}`} ariaRole="status">
      <Text className="quiz-result__verdict">{r.passed ? '✓ 测验通过' : '✗ 测验未通过'}</Text>
      <View className="quiz-result__score">
        <Text className="quiz-result__value">{r.score}</Text>
        <Text className="quiz-result__unit">分</Text>
        <Text className="quiz-result__mark">及格线 {r.passMark} 分</Text>
      </View>
      <Text className="quiz-result__line">
        答对 {r.correct} 题，共 {r.total} 题
      </Text>
      {r.results.length > 0 ? (
        <Text className="quiz-result__line">
          {wrong.length > 0 ? `答错：第 ${wrong.join('、')} 题` : '全部答对'}
        </Text>
      ) : null}
      {r.answerKey ? (
        <Text className="quiz-result__line">正确答案：{answerKeyWords(r.answerKey)}</Text>
      ) : null}
      <Text className="quiz-result__line">
        最高得分 {r.bestScore} 分 · 已作答 {r.attempts} 次
      </Text>
      {r.completed ? <Text className="quiz-result__done">✓ 本讲坛已学完</Text> : null}
      {!r.passed ? (
        <Text className="quiz-result__line">
          {r.attemptsLeftToday > 0
            ? `回看讲坛内容后，可以再做一次（今天还可作答 ${r.attemptsLeftToday} 次）`
            : '今天的作答次数已用完，明天可以再做'}
        </Text>
      ) : null}
    </View>
  )
}
