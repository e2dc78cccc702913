import { View, Text } from '@tarojs/components'
import type { GroupSummary } from '@contract/api'
import { GROUP_ROLE_LABELS } from '@domain/labels'
import { timeText } from '@domain/time'
import { unreadBadgeText } from '../labels'
import '@/components/list-card'
import './group-card.css'

export interface GroupCardProps {
  group: GroupSummary
  /** Marks my own group among others (a secretary sees the whole branch). */
  markMine?: boolean
  onOpen: () => void
}

/** One Party group in the list: who leads it, how many, my place in it, and unread announcements in words. */
export function GroupCard({ group, markMine = false, onOpen }: GroupCardProps) {
  return (
    <View className="group-card list-card" ariaRole="button" onClick={onOpen}>
      <View className="list-card__head">
        <Text className="group-card__name list-card__title">{group.name}</Text>
        {group.unreadAnnouncements > 0 ? (
          <Text className="group-card__badge">{unreadBadgeText(group)}</Text>
        ) : null}
      </View>
      <View className="group-card__meta">
        <Text className="group-card__branch">{group.branch.name}</Text>
        <Text className="group-card__role">我的身份：{GROUP_ROLE_LABELS[group.myRole]}</Text>
        {markMine && group.mine ? <Text className="group-card__mine">我所在的小组</Text> : null}
      </View>
      <Text className="group-card__line">
        组长：{group.leader?.name ?? '未设组长'} · 成员 {group.memberCount} 人
      </Text>
      <View className="group-card__foot">
        <Text className="group-card__last">
          {group.lastPostAt ? `最近动态 ${timeText(group.lastPostAt)}` : '还没有动态'}
        </Text>
        <Text className="group-card__arrow">›</Text>
      </View>
    </View>
  )
}
