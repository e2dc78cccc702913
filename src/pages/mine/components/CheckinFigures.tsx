import { View, Text } from '@tarojs/components'
import type { MyStats } from '@contract/api'
import { Card } from '@/components/Card'
import './checkin-figures.css'

export interface CheckinFiguresProps {
  stats: MyStats
  /** Offered when today has no check-in yet. */
  onCheckIn: () => void
}

interface Figure {
  label: string
  value: number
  unit: string
}

/** 我的打卡: totals, streaks, today, my milestones and my branch, each figure with its word. */
export function CheckinFigures({ stats, onCheckIn }: CheckinFiguresProps) {
  const figures: Figure[] = [
    { label: '累计打卡', value: stats.total, unit: '次' },
    { label: '连续打卡', value: stats.streak, unit: '天' },
    { label: '最长连续', value: stats.longestStreak, unit: '天' },
  ]
  const today = stats.checkedInToday ? '今日已打卡' : '今日未打卡'
  return (
    <Card
      title="打卡统计"
      extra={
        <Text
          className={`checkin-figures__today${stats.checkedInToday ? ' checkin-figures__today--done' : ''}`}
        >
          {stats.checkedInToday ? `✓ ${today}` : today}
        </Text>
      }
    >
      <View className="checkin-figures__grid">
        {figures.map((f) => (
          <View key={f.label} className="checkin-figures__cell" ariaLabel={`${f.label} ${f.value} ${f.unit}`}>
            <View className="checkin-figures__number">
              <Text className="checkin-figures__value">{f.value}</Text>
              <Text className="checkin-figures__unit">{f.unit}</Text>
            </View>
            <Text className="checkin-figures__label">{f.label}</Text>
          </View>
        ))}
      </View>
      {/* With no check-in at all, the empty 打卡记录 below offers the way instead. */}
      {stats.checkedInToday || stats.total === 0 ? null : (
        <View
          className="checkin-figures__go"
          ariaRole="button"
          ariaLabel="今天还没有打卡，去打卡"
          onClick={onCheckIn}
        >
          <Text className="checkin-figures__go-text">今天还没有打卡，去打卡</Text>
          <Text className="checkin-figures__go-arrow">›</Text>
        </View>
      )}
      <View className="checkin-figures__row">
        <Text className="checkin-figures__row-label">我的里程碑</Text>
        <Text className="checkin-figures__row-value">
          待审批 {stats.milestones.waiting} · 已通过 {stats.milestones.approved}
        </Text>
      </View>
      {stats.branch ? (
        <View className="checkin-figures__row">
          <Text className="checkin-figures__row-label">{stats.branch.name}打卡</Text>
          <Text className="checkin-figures__row-value">共 {stats.branch.checkins} 次</Text>
        </View>
      ) : null}
    </Card>
  )
}
