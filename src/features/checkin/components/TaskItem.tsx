import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MyTaskItem } from '@contract/functions/checkins'
import { DUE_STATE_LABELS, MILESTONE_STATUS_LABELS } from '@domain/labels'
import './task-item.css'

export interface TaskItemProps {
  item: MyTaskItem
  onCheckIn: () => void
  onSubmit: () => void
}

/** The deadline and where it stands; a finished item's status word already says it is done. */
const dueText = (item: MyTaskItem) => {
  if (!item.deadline) return DUE_STATE_LABELS.no_deadline
  return item.dueState === 'done'
    ? `时限 ${item.deadline}`
    : `${DUE_STATE_LABELS[item.dueState]} · 时限 ${item.deadline}`
}

/** One line of 打卡: what to do, by when (in words), and the one-tap check-in. */
export function TaskItem({ item, onCheckIn, onSubmit }: TaskItemProps) {
  const m = item.milestone
  const finished = m?.status === 'approved'
  return (
    <View className={`task-item task-item--${item.dueState}`}>
      <Text className="task-item__project">
        {item.project.title} · {item.project.branchName}
      </Text>
      <Text className="task-item__title">{m ? m.title : item.task.title}</Text>
      {m ? <Text className="task-item__task">任务：{item.task.title}</Text> : null}
      <View className="task-item__meta">
        <Text className={`task-item__due task-item__due--${item.dueState}`}>{dueText(item)}</Text>
        {m ? (
          <Text className={`task-item__status task-item__status--${m.status}`}>
            {MILESTONE_STATUS_LABELS[m.status]}
          </Text>
        ) : null}
        <Text className="task-item__count">已打卡 {item.checkins} 次</Text>
      </View>
      {m?.status === 'returned' && m.lastComment ? (
        <Text className="task-item__returned">退回意见：{m.lastComment}</Text>
      ) : null}
      {!finished ? (
        <View className="task-item__actions">
          {item.canSubmit ? (
            <Button type="default" onClick={onSubmit}>
              {m?.status === 'returned' ? '重新提交' : '提交里程碑'}
            </Button>
          ) : null}
          <Button type="primary" onClick={onCheckIn}>
            打卡
          </Button>
        </View>
      ) : null}
    </View>
  )
}
