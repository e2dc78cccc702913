import { View, Text } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import './progress-row.css'

export interface ProgressRowProps {
  /** Milestone-weighted progress as the function answers it (0–100, maybe off by rounding). */
  progress: number
}

/** A project's progress as a red bar with 进度 N% beside it: the row project cards and the project header share. */
export function ProgressRow({ progress }: ProgressRowProps) {
  const percent = Math.max(0, Math.min(100, Math.round(progress)))
  return (
    <View className="progress-row">
      <View className="progress-row__bar">
        <Progress percent={percent} color="#C8161D" background="#F2F3F5" strokeWidth="6" />
      </View>
      <Text className="progress-row__percent">进度 {percent}%</Text>
    </View>
  )
}
