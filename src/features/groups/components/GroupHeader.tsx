import { View, Text } from '@tarojs/components'
import type { GroupSummary } from '@contract/api'
import { GROUP_ROLE_LABELS } from '@domain/labels'
import '@/components/list-card'
import './group-header.css'

export interface GroupHeaderProps {
  group: GroupSummary
}

/** The top of a group's page: which group, whose branch, how many, and my place in it. */
export function GroupHeader({ group }: GroupHeaderProps) {
  return (
    <View className="group-header">
      <Text className="group-header__name">{group.name}</Text>
      <Text className="group-header__meta">
        {group.branch.name} · 组长：{group.leader?.name ?? '未设组长'} · 成员 {group.memberCount} 人
      </Text>
      <Text className="group-header__role list-card__tag">我的身份：{GROUP_ROLE_LABELS[group.myRole]}</Text>
    </View>
  )
}
