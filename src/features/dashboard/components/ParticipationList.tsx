import { Text, View } from '@tarojs/components'
import type { ParticipationRow } from '@contract/api'
import { barFractions, percent } from '../charts'
import './participation-list.css'

export interface ParticipationListProps {
  rows: ParticipationRow[]
  /** The month the check-ins are of: 11月. */
  month: string
}

/** Each member's part: check-ins this month as a bar with its figure, then study hours and milestones in words. */
export function ParticipationList({ rows, month }: ParticipationListProps) {
  const fractions = barFractions(rows.map((r) => r.checkinsThisMonth))
  return (
    <View className="participation">
      {rows.map((r, i) => (
        <View key={r.personId} className="participation__row">
          <View className="participation__head">
            <Text className="participation__name">{r.name}</Text>
            <Text className="participation__count">
              {month}打卡 {r.checkinsThisMonth} 次
            </Text>
          </View>
          <View className="participation__track">
            <View className="participation__fill" style={{ width: percent(fractions[i], 1) }} />
          </View>
          <Text className="participation__line">
            学习 {r.studyHours} 小时 · 负责里程碑 {r.milestonesOwned} 个，已完成 {r.milestonesApproved} 个
          </Text>
        </View>
      ))}
    </View>
  )
}
