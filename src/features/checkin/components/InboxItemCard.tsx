import { View, Text } from '@tarojs/components'
import type { InboxItem } from '@contract/api'
import { DUE_STATE_LABELS } from '@domain/labels'
import { timeText } from '@domain/time'
import '@/components/list-card'
import './inbox-item-card.css'

export interface InboxItemCardProps {
  item: InboxItem
  onClick?: (item: InboxItem) => void
}

/** A milestone submission waiting for approval: what, where, who sent it and when, and how urgent. */
export function InboxItemCard({ item, onClick }: InboxItemCardProps) {
  const { milestone, project, task, submittedBy, submittedAt } = item
  return (
    <View
      className="inbox-item-card list-card"
      ariaRole="button"
      onClick={onClick ? () => onClick(item) : undefined}
    >
      <View className="inbox-item-card__head list-card__head">
        <Text className="inbox-item-card__title list-card__title">{milestone.title}</Text>
        <Text className={`inbox-item-card__due list-card__tag list-card__tag--${milestone.dueState}`}>
          {DUE_STATE_LABELS[milestone.dueState]}
        </Text>
      </View>
      <Text className="inbox-item-card__project">
        {project.title} · {project.branchName}
      </Text>
      <Text className="inbox-item-card__line">任务：{task.title}</Text>
      {milestone.deadline ? <Text className="inbox-item-card__line">时限：{milestone.deadline}</Text> : null}
      {item.excerpt ? (
        <Text className="inbox-item-card__excerpt list-card__quote">{item.excerpt}</Text>
      ) : null}
      <View className="inbox-item-card__foot list-card__foot">
        <Text className="inbox-item-card__who">
          {submittedBy?.name ?? '责任人'}
          {submittedAt ? ` 提交于 ${timeText(submittedAt)}` : ' 已提交'}
        </Text>
        <View className="inbox-item-card__tags">
          {milestone.round > 1 ? (
            <Text className="inbox-item-card__round list-card__tag">第 {milestone.round} 次提交</Text>
          ) : null}
          <Text className="inbox-item-card__evidence">
            {item.evidenceCount > 0 ? `佐证 ${item.evidenceCount} 件` : '无佐证材料'}
          </Text>
        </View>
      </View>
    </View>
  )
}
