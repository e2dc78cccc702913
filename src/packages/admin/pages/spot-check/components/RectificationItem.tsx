import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RectificationView } from '@contract/api'
import { OVERDUE_WORD } from '@/features/supervision/words'
import { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS } from '@domain/labels'
import { TextField } from '@/components/TextField'
import type { StepAction } from '@/features/supervision/hooks/use-spot-check'

export interface RectificationItemProps {
  task: RectificationView
  busy: boolean
  onStep: (action: StepAction, text: string) => Promise<boolean>
}

const NEEDS_TEXT = { complete: '整改情况', reopen: '退回原因' } as const

/** One rectification task: what, who, by when, where it stands in words, and the caller's next step. */
export function RectificationItem({ task, busy, onStep }: RectificationItemProps) {
  const [writing, setWriting] = useState<'complete' | 'reopen' | null>(null)
  const [text, setText] = useState('')
  const send = async (action: StepAction) => {
    if (await onStep(action, action === 'confirm' ? '' : text.trim())) {
      setWriting(null)
      setText('')
    }
  }
  const word = task.status === 'confirmed' ? 'admin-word admin-word--done' : 'admin-word'
  return (
    <View className="admin-row">
      <View className="admin-row__main">
        <Text className="admin-row__title">
          {task.text}
          <Text className={word}>{RECTIFICATION_STATUS_LABELS[task.status]}</Text>
          {task.overdue ? <Text className="admin-word">{OVERDUE_WORD}</Text> : null}
        </Text>
        <Text className="admin-row__sub">
          责任人 {task.owner.name} · 时限 {task.deadline}
        </Text>
        {task.note ? <Text className="admin-row__sub">整改情况：{task.note}</Text> : null}
        {task.lastComment ? <Text className="admin-row__sub">党委意见：{task.lastComment}</Text> : null}
        {task.mergedNote ? <Text className="admin-row__sub">{task.mergedNote}</Text> : null}
        {writing ? (
          <View>
            <TextField
              label={NEEDS_TEXT[writing]}
              required
              multiline
              value={text}
              limit={500}
              onChange={setText}
            />
            <View className="admin-actions">
              <Button type="default" onClick={() => setWriting(null)}>
                取消
              </Button>
              <Button type="primary" disabled={busy || text.trim() === ''} onClick={() => void send(writing)}>
                提交{RECTIFICATION_ACTION_LABELS[writing]}
              </Button>
            </View>
          </View>
        ) : task.can.length > 0 ? (
          <View className="admin-actions">
            {task.can.includes('complete') ? (
              <Button type="primary" disabled={busy} onClick={() => setWriting('complete')}>
                报告整改完成
              </Button>
            ) : null}
            {task.can.includes('reopen') ? (
              <Button type="default" disabled={busy} onClick={() => setWriting('reopen')}>
                退回重改
              </Button>
            ) : null}
            {task.can.includes('confirm') ? (
              <Button type="primary" disabled={busy} onClick={() => void send('confirm')}>
                确认销号
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>
    </View>
  )
}
