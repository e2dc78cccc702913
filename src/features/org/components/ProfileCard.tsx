import { View, Text } from '@tarojs/components'
import type { MeView } from '@contract/api'
import { roleLabelsOf, unitNameOf } from '../labels'
import './profile-card.css'

export interface ProfileCardProps {
  me: MeView
}

interface Row {
  label: string
  value: string
}

/** The person's own record on 我的. */
export function ProfileCard({ me }: ProfileCardProps) {
  const rows: Row[] = [
    { label: '职务', value: me.title || '未填写' },
    { label: '所在组织', value: unitNameOf(me) },
    { label: '党小组', value: me.group?.name ?? '未分组' },
    { label: '身份', value: roleLabelsOf(me).join('、') },
  ]
  return (
    <View className="profile-card">
      <View className="profile-card__head">
        <View className="profile-card__avatar">
          <Text className="profile-card__avatar-text">{me.name.slice(0, 1)}</Text>
        </View>
        <Text className="profile-card__name">{me.name}</Text>
      </View>
      {rows.map((row) => (
        <View key={row.label} className="profile-card__row">
          <Text className="profile-card__label">{row.label}</Text>
          <Text className="profile-card__value">{row.value}</Text>
        </View>
      ))}
    </View>
  )
}
