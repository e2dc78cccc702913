import { Text, View } from '@tarojs/components'
import type { OverdueItem } from '@contract/api'
import { MILESTONE_STATUS_LABELS } from '@domain/labels'
import './overdue-card.css'

export interface OverdueCardProps {
  item: OverdueItem
  onClick?: () => void
}

/** An overdue milestone: what, whose, due when, how many days late, and where its review stands (in words). */
export function OverdueCard({ item, onClick }: OverdueCardProps) {
  return (
    <View
      className="overdue-card"
      onClick={onClick}
      ariaRole={onClick ? 'button' : undefined}
      ariaLabel={`${item.title}，已逾期 ${item.daysOverdue} 天${onClick ? '，打开项目' : ''}`}
    >
      <View className="overdue-card__head">
        <Text className="overdue-card__title">{item.title}</Text>
        <Text className="overdue-card__late">已逾期 {item.daysOverdue} 天</Text>
      </View>
      <Text className="overdue-card__line">
        {item.projectTitle} · {item.branchName}
      </Text>
      <Text className="overdue-card__line">
        责任人 {item.ownerName || '未指定'} · 时限 {item.deadline} · {MILESTONE_STATUS_LABELS[item.status]}
      </Text>
    </View>
  )
}
