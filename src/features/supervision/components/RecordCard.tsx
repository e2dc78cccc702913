import { Text, View } from '@tarojs/components'
import type { RecordSummary } from '@contract/api'
import { SUPERVISION_METHOD_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'

export interface RecordCardProps {
  record: RecordSummary
  onOpen: (id: string) => void
}

/** One 督导记录 in a list: how and when, whom, what was found, and its follow-ups still open. */
export function RecordCard({ record, onOpen }: RecordCardProps) {
  const follow =
    record.followUps === 0
      ? '无跟进事项'
      : record.openFollowUps > 0
        ? `跟进 ${record.openFollowUps}/${record.followUps} 项未完成`
        : `跟进 ${record.followUps} 项已完成`
  return (
    <Card
      title={`${SUPERVISION_METHOD_LABELS[record.method]} · ${record.branchName}`}
      extra={`${record.date}${record.time ? ` ${record.time}` : ''}`}
    >
      <View
        className="admin-row"
        ariaRole="button"
        ariaLabel={`查看督导记录：${record.branchName} ${record.date}`}
        onClick={() => onOpen(record.id)}
      >
        <View className="admin-row__main">
          <Text className="admin-row__title">{record.findings}</Text>
          <Text className="admin-row__sub">
            {record.supervisorName} 联系 {record.contactName}
            {record.projectTitle ? ` · ${record.projectTitle}` : ''}
            {record.photoCount > 0 ? ` · 照片 ${record.photoCount} 张` : ''} · {follow}
          </Text>
          {record.mergedNote ? <Text className="admin-row__sub">{record.mergedNote}</Text> : null}
        </View>
        <Text className="admin-row__value">›</Text>
      </View>
    </Card>
  )
}
