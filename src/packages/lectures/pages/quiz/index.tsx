import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BottomBar } from '@/components/BottomBar'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { QuestionCard } from '@/features/lectures/components/QuestionCard'
import { QuizResultCard } from '@/features/lectures/components/QuizResultCard'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { useQuiz } from '@/features/lectures/hooks/use-quiz'
import './index.css'

export default function QuizPage() {
  const { params } = useRouter()
  const lecture = useLecture(params.id)
  const l = lecture.data
  const quiz = useQuiz(l?.id, l?.quiz)

  if (!l) {
    return lecture.error ? (
      <ErrorState
        title="测验加载失败"
        message={lecture.error.message}
        onRetry={() => void lecture.reload()}
      />
    ) : (
      <LoadingState text="正在加载测验…" />
    )
  }
  if (!l.quiz) return <EmptyState title="这个讲坛没有测验" description="学完讲坛内容即可" />
  if (l.status !== 'published') return <EmptyState title="讲坛未发布" description="发布后党员才能参加测验" />

  const best = l.my?.quiz
  const rightOf = (id: string) => quiz.result?.results.find((r) => r.questionId === id)?.correct
  return (
    <View className="quiz-page">
      <View className="quiz-page__head">
        <Text className="quiz-page__title">{l.title}</Text>
        <Text className="quiz-page__meta">
          共 {l.quiz.questions.length} 题 · {l.quiz.passMark} 分及格
          {best && best.attempts > 0 ? ` · 此前最高 ${best.bestScore} 分` : ''}
        </Text>
      </View>
      {quiz.result ? <QuizResultCard result={quiz.result} /> : null}
      {quiz.unanswered.length > 0 ? (
        <Notice
          title={`还有 ${quiz.unanswered.length} 道题没有作答`}
          items={[`第 ${quiz.unanswered.join('、')} 题`]}
        />
      ) : null}
      {l.quiz.questions.map((q, k) => (
        <QuestionCard
          key={q.id}
          number={k + 1}
          question={q}
          chosen={quiz.answers[q.id] ?? []}
          onChoose={(option) => quiz.choose(q.id, option)}
          correct={rightOf(q.id)}
          missing={quiz.unanswered.includes(k + 1)}
          disabled={quiz.result !== null || quiz.submitting}
        />
      ))}
      <BottomBar>
        {quiz.result ? (
          <>
            <Button type="default" onClick={quiz.retry}>
              再做一次
            </Button>
            <Button type="primary" onClick={() => void Taro.navigateBack()}>
              返回讲坛
            </Button>
          </>
        ) : (
          <Button type="primary" loading={quiz.submitting} onClick={() => void quiz.submit()}>
            {quiz.submitting ? '正在判分…' : '提交测验'}
          </Button>
        )}
      </BottomBar>
    </View>
  )
}
