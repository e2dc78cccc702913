import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '@/components/TextField'
import './button-row'
import './reason-sheet.css'

export interface ReasonSheetProps {
  title: string
  /** What the action does, above the field; left out where the title says it all. */
  text?: string
  /** The field's label (退回意见, 撤回原因); its error asks to fill it in. */
  label: string
  placeholder: string
  limit: number
  confirmText: string
  busy: boolean
  onCancel: () => void
  /** Called only with a reason, trimmed. */
  onConfirm: (reason: string) => void
}

/** A sheet over the page that asks why before an action that needs a reason (退回, 撤回); tapping outside cancels. */
export function ReasonSheet({
  title,
  text,
  label,
  placeholder,
  limit,
  confirmText,
  busy,
  onCancel,
  onConfirm,
}: ReasonSheetProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const confirm = () => {
    if (!reason.trim()) {
      setError(`请填写${label}`)
      return
    }
    onConfirm(reason.trim())
  }
  return (
    <View className="reason-sheet">
      <View className="reason-sheet__mask" onClick={onCancel} />
      <View className="reason-sheet__panel" ariaRole="dialog" ariaLabel={title}>
        <Text className="reason-sheet__title">{title}</Text>
        {text ? <Text className="reason-sheet__text">{text}</Text> : null}
        <TextField
          label={label}
          required
          multiline
          value={reason}
          limit={limit}
          placeholder={placeholder}
          error={error}
          onChange={(v) => {
            setReason(v)
            if (v.trim()) setError(undefined)
          }}
        />
        <View className="reason-sheet__actions button-row">
          <Button type="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="primary" loading={busy} onClick={confirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
