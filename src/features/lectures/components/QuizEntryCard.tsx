import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { LectureDetail, StudyView } from '@contract/api'
import { Card } from '@/components/Card'
import './quiz-entry-card.css'

export interface QuizEntryCardProps {
  quiz: NonNullable<LectureDetail['quiz']>
  /** My attempts so far; null before the first. */
  mine: StudyView['quiz'] | null
  /** Only a published lecture's quiz can be taken. */
  canTake: boolean
  onTake: () => void
}

/** 随堂测验 on the lecture page: how many questions, the pass mark, my best so far, and the way in. */
export function QuizEntryCard({ quiz, mine, canTake, onTake }: QuizEntryCardProps) {
  const tried = mine !== null && mine.attempts > 0
  return (
    <Card
      title="随堂测验"
      extra={
        tried ? (
          <Text className={`quiz-entry__state${mine.passed ? ' quiz-entry__state--passed' : ''}`}>
            {mine.passed ? '✓ 已通过' : '未通过'}
          </Text>
        ) : null
      }
    >
      <Text className="quiz-entry__line">
        共 {quiz.questions.length} 题 · {quiz.passMark} 分及格
      </Text>
      <Text className="quiz-entry__line">
        {tried ? `最高得分 ${mine.bestScore} 分 · 已作答 ${mine.attempts} 次` : '还未作答'}
      </Text>
      {canTake ? (
        <View className="quiz-entry__action">
          <Button type={tried && mine.passed ? 'default' : 'primary'} block onClick={onTake}>
            {tried ? '再做一次' : '参加测验'}
          </Button>
        </View>
      ) : (
        <Text className="quiz-entry__line">讲坛发布后，党员才能参加测验</Text>
      )}
    </Card>
  )
}
