import { View, Text, Input } from '@tarojs/components'
import { Card } from '@/components/Card'
import { inputRoom, keepWithin } from '@/services/keep-within'
import type { DraftChecklistItem } from '../plan-draft'
import './checklist-editor.css'
import './task-editor.css'

export interface ChecklistEditorProps {
  items: DraftChecklistItem[]
  disabled: boolean
  onAdd: () => void
  onChange: (key: string, patch: Partial<DraftChecklistItem>) => void
  onRemove: (key: string) => void
}

const ITEM_LIMIT = 100

/** 清单式管理: what must be done, each line ticked off in words (已完成 / 未完成). */
export function ChecklistEditor({ items, disabled, onAdd, onChange, onRemove }: ChecklistEditorProps) {
  return (
    <Card title="清单" extra={`${items.filter((c) => c.done).length}/${items.length} 已完成`}>
      {items.map((item, i) => (
        <View key={item.key} className="checklist-editor__item">
          <View
            className={`checklist-editor__done${item.done ? ' checklist-editor__done--on' : ''}`}
            ariaRole="checkbox"
            onClick={disabled ? undefined : () => onChange(item.key, { done: !item.done })}
          >
            <Text className="checklist-editor__done-text">{item.done ? '✓ 已完成' : '未完成'}</Text>
          </View>
          <Input
            className="checklist-editor__input"
            value={item.text}
            maxlength={inputRoom(ITEM_LIMIT)}
            placeholder={`清单第 ${i + 1} 项`}
            disabled={disabled}
            onInput={(e) => onChange(item.key, { text: keepWithin(e.detail.value, ITEM_LIMIT) })}
          />
          {!disabled ? (
            <Text className="checklist-editor__remove" onClick={() => onRemove(item.key)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      {!disabled ? (
        <View className="task-editor__add" onClick={onAdd}>
          <Text className="task-editor__add-text">+ 添加清单事项</Text>
        </View>
      ) : null}
    </Card>
  )
}
