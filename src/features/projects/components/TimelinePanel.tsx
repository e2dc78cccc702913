import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import type { ProjectEventView } from '@contract/api'
import { ACTION_LABELS, STATUS_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import './timeline-panel.css'

export interface TimelinePanelProps {
  events: ProjectEventView[]
}

/** 动态: every change, newest first — who, when, from → to, and the comment. */
export function TimelinePanel({ events }: TimelinePanelProps) {
  if (events.length === 0) return <EmptyState title="暂无动态" />
  return (
    <Card title="项目动态" extra={`${events.length} 条`}>
      {events.map((e) => (
        <View key={e.id} className="timeline__item">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{ACTION_LABELS[e.action]}</Text>
              <Text className="timeline__time">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Text>
            </View>
            <Text className="timeline__who">{e.actorName}</Text>
            <Text className="timeline__change">
              {e.from ? `${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}` : `新建 → ${STATUS_LABELS[e.to]}`}
            </Text>
            {e.comment ? <Text className="timeline__comment">意见：{e.comment}</Text> : null}
          </View>
        </View>
      ))}
    </Card>
  )
}
