import { Text, View } from '@tarojs/components'
import { clockText, minutesOf, percentOf } from '../study-words'
import '@/components/row-title'
import './study-bar.css'

export interface StudyBarProps {
  /** Foreground seconds of this opening. */
  sessionSeconds: number
  /** Counted study time of the lecture. */
  studySeconds: number
  /** 0–1 */
  progress: number
  completed: boolean
  /** A session counts from this many seconds on. */
  minSessionSeconds: number
  /** What is still needed, in words (empty once complete). */
  remaining: string[]
}

/** 本次学习 and 累计学习 as the member studies, how far they are, and what is left to finish. */
export function StudyBar({
  sessionSeconds,
  studySeconds,
  progress,
  completed,
  minSessionSeconds,
  remaining,
}: StudyBarProps) {
  const percent = percentOf(progress)
  return (
    <View className={`study-bar${completed ? ' study-bar--done' : ''}`}>
      <View className="study-bar__head">
        <Text className="row-title">
          本次学习 {clockText(sessionSeconds)} · 累计学习 {minutesOf(studySeconds)} 分钟
        </Text>
        <Text className={`study-bar__state${completed ? ' study-bar__state--done' : ''}`}>
          {completed ? '✓ 已学完' : '学习中'}
        </Text>
      </View>
      <View className="study-bar__progress" ariaLabel={`学习进度 ${percent}%`}>
        <View className="study-bar__track">
          <View className="study-bar__fill" style={{ width: `${percent}%` }} />
        </View>
        <Text className="study-bar__percent">已学 {percent}%</Text>
      </View>
      {sessionSeconds < minSessionSeconds && !completed ? (
        <Text className="study-bar__hint">本次学习满 {minSessionSeconds} 秒后计入学习时长</Text>
      ) : null}
      {remaining.length > 0 ? <Text className="study-bar__hint">{remaining.join('；')}</Text> : null}
    </View>
  )
}
