import { View, Text } from '@tarojs/components'
import type { MemberView } from '@contract/api'
import { Card } from '@/components/Card'
import { TextField } from '@/components/TextField'
import type { DraftMilestone, DraftTask } from '../plan-draft'
import { MemberChips } from './MemberChips'
import { MilestoneEditor } from './MilestoneEditor'
import './plan-editor.css'
import './task-editor.css'

export interface TaskEditorProps {
  index: number
  task: DraftTask
  members: MemberView[]
  deadlineRange: { start: string; end: string }
  disabled: boolean
  onChange: (patch: Partial<Pick<DraftTask, 'title' | 'assigneeIds'>>) => void
  onRemove: () => void
  onAddMilestone: () => void
  onChangeMilestone: (milestoneKey: string, patch: Partial<DraftMilestone>) => void
  onRemoveMilestone: (milestoneKey: string) => void
}

/** One task of the 任务分解: its name, who carries it (层层落实), and its milestones. */
export function TaskEditor({
  index,
  task,
  members,
  deadlineRange,
  disabled,
  onChange,
  onRemove,
  onAddMilestone,
  onChangeMilestone,
  onRemoveMilestone,
}: TaskEditorProps) {
  return (
    <Card
      title={`任务 ${index + 1}`}
      extra={
        !disabled ? (
          <Text className="plan-editor__remove" onClick={onRemove}>
            删除任务
          </Text>
        ) : undefined
      }
    >
      <TextField
        label="任务名称"
        value={task.title}
        limit={60}
        disabled={disabled}
        onChange={(title) => onChange({ title })}
      />
      <View className="task-editor__assignees">
        <Text className="task-editor__label">落实到（可多选）</Text>
        <MemberChips
          members={members}
          selected={task.assigneeIds}
          disabled={disabled}
          onChange={(assigneeIds) => onChange({ assigneeIds })}
        />
      </View>
      {task.milestones.map((m, i) => (
        <MilestoneEditor
          key={m.key}
          index={i}
          milestone={m}
          members={members}
          deadlineRange={deadlineRange}
          disabled={disabled}
          onChange={(patch) => onChangeMilestone(m.key, patch)}
          onRemove={() => onRemoveMilestone(m.key)}
        />
      ))}
      {!disabled ? (
        <View className="task-editor__add" onClick={onAddMilestone}>
          <Text className="task-editor__add-text">+ 添加里程碑</Text>
        </View>
      ) : null}
    </Card>
  )
}
