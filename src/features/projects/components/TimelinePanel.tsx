import { View, Text } from '@tarojs/components'
import { chinaTime } from '@domain/time'
import type { ProjectEventView, ProjectWorkView } from '@contract/api'
import { ACTION_LABELS, MILESTONE_ACTION_LABELS, STATUS_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import '@/components/list-card'
import './timeline-panel.css'

export interface TimelinePanelProps {
  events: ProjectEventView[]
  /** Milestone reviews and check-ins, shown among the state changes by time. */
  work?: ProjectWorkView[]
}

interface Line {
  id: string
  action: string
  at: string
  who: string
  change: string
  comment: string
  commentLabel: string
}

const fromEvent = (e: ProjectEventView): Line => ({
  id: e.id,
  action: ACTION_LABELS[e.action],
  at: e.at,
  who: e.actorName,
  change: e.from ? `${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}` : `新建 → ${STATUS_LABELS[e.to]}`,
  comment: e.comment,
  commentLabel: '意见',
})

const fromWork = (w: ProjectWorkView): Line => ({
  id: w.id,
  action: w.action ? `里程碑${MILESTONE_ACTION_LABELS[w.action]}` : '打卡写实',
  at: w.at,
  who: w.actorName,
  change: w.title,
  comment: w.comment,
  commentLabel: w.action === 'approve' || w.action === 'return' ? '意见' : '内容',
})

/** 动态: every change, milestone review and check-in, newest first — who, when, what, and the comment. */
export function TimelinePanel({ events, work = [] }: TimelinePanelProps) {
  const lines = [...events.map(fromEvent), ...work.map(fromWork)].sort(
    (a, b) => new Date(b.at).getTime() - new Date(a.at).getTime(),
  )
  if (lines.length === 0) return <EmptyState title="暂无动态" />
  return (
    <Card title="项目动态" extra={`${lines.length} 条`}>
      {lines.map((e) => (
        <View key={e.id} className="timeline__item">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{e.action}</Text>
              <Text className="timeline__time">{chinaTime(e.at).format('YYYY-MM-DD HH:mm')}</Text>
            </View>
            <Text className="timeline__who">{e.who}</Text>
            <Text className="timeline__change">{e.change}</Text>
            {e.comment ? (
              <Text className="timeline__comment list-card__quote">
                {e.commentLabel}：{e.comment}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </Card>
  )
}
