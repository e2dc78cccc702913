import { View, Text } from '@tarojs/components'
import { chinaTime } from '@domain/time'
import type { SpotCheckSummary } from '@contract/api'

export interface SpotCheckCardProps {
  check: SpotCheckSummary
  onOpen: (id: string) => void
}

/** One spot check in the list: when, where from, what it picked, what is still open. */
export function SpotCheckCard({ check, onOpen }: SpotCheckCardProps) {
  return (
    <View
      className="admin-row"
      ariaRole="button"
      ariaLabel={`查看抽查：${chinaTime(check.createdAt).format('YYYY年M月D日')}`}
      onClick={() => onOpen(check.id)}
    >
      <View className="admin-row__main">
        <Text className="admin-row__title">
          {chinaTime(check.createdAt).format('YYYY年M月D日')} · {check.scopeName}
        </Text>
        <Text className="admin-row__sub">
          从 {check.candidateCount} 个项目中抽取 {check.pickedCount} 个 · {check.createdByName}
        </Text>
        <Text className="admin-row__sub">{check.projectTitles.join('、') || '—'}</Text>
        <Text className="admin-row__sub">
          已记录检查 {check.findingsCount} 个
          {check.openRectifications > 0 ? ` · 整改未销号 ${check.openRectifications} 项` : ' · 无未销号整改'}
        </Text>
      </View>
      <Text className="admin-row__value">›</Text>
    </View>
  )
}
