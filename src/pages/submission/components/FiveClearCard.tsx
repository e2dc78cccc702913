import { View, Text } from '@tarojs/components'
import type { SubmissionDetail } from '@contract/api'
import { DUE_STATE_LABELS } from '@domain/labels'
import { FIVE_CLEAR } from '@domain/plan'
import { Card } from '@/components/Card'
import '@/components/list-card'
import './five-clear-card.css'

export interface FiveClearCardProps {
  milestone: SubmissionDetail['milestone']
}

/** 五个明确: what the submission is judged against. */
export function FiveClearCard({ milestone }: FiveClearCardProps) {
  return (
    <Card title="五个明确">
      <View className="five-clear__row">
        <Text className="five-clear__label">{FIVE_CLEAR.weight}</Text>
        <Text className="five-clear__value">{milestone.weight}%</Text>
      </View>
      <View className="five-clear__row">
        <Text className="five-clear__label">{FIVE_CLEAR.ownerId}</Text>
        <Text className="five-clear__value">{milestone.owner?.name ?? '未指定'}</Text>
      </View>
      <View className="five-clear__row">
        <Text className="five-clear__label">{FIVE_CLEAR.deadline}</Text>
        <View className="five-clear__value">
          <Text>{milestone.deadline ?? '未定'}</Text>
          <Text className={`five-clear__due list-card__tag list-card__tag--${milestone.dueState}`}>
            {DUE_STATE_LABELS[milestone.dueState]}
          </Text>
        </View>
      </View>
      <View className="five-clear__block list-card__entry">
        <Text className="five-clear__label">{FIVE_CLEAR.qualityStandard}</Text>
        <Text className="five-clear__text list-card__text">{milestone.qualityStandard || '未填写'}</Text>
      </View>
      <View className="five-clear__block list-card__entry">
        <Text className="five-clear__label">{FIVE_CLEAR.expectedGoal}</Text>
        <Text className="five-clear__text list-card__text">{milestone.expectedGoal || '未填写'}</Text>
      </View>
    </Card>
  )
}
