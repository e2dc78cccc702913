import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '@/components/TextField'
import './withdraw-sheet.css'

/** The function keeps at most this much of a reason. */
export const WITHDRAW_REASON_LIMIT = 200

export interface WithdrawSheetProps {
  busy: boolean
  onCancel: () => void
  /** Called only with a reason. */
  onConfirm: (reason: string) => void
}

/** 撤回: a sheet that says what withdrawing does and asks why; the reason goes into the lecture's history. */
export function WithdrawSheet({ busy, onCancel, onConfirm }: WithdrawSheetProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const confirm = () => {
    if (!reason.trim()) {
      setError('请填写撤回原因')
      return
    }
    onConfirm(reason.trim())
  }
  return (
    <View className="withdraw-sheet">
      <View className="withdraw-sheet__mask" onClick={onCancel} />
      <View className="withdraw-sheet__panel" ariaRole="dialog" ariaLabel="撤回讲坛">
        <Text className="withdraw-sheet__title">撤回讲坛</Text>
        <Text className="withdraw-sheet__text">
          撤回后党员将看不到这个讲坛，已有的学习记录会保留。撤回后不能再发布。
        </Text>
        <TextField
          label="撤回原因"
          required
          multiline
          value={reason}
          limit={WITHDRAW_REASON_LIMIT}
          placeholder="例如：内容需要更新，将重新发布"
          error={error}
          onChange={(v) => {
            setReason(v)
            if (v.trim()) setError(undefined)
          }}
        />
        <View className="withdraw-sheet__actions">
          <Button type="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="primary" loading={busy} onClick={confirm}>
            确认撤回
          </Button>
        </View>
      </View>
    </View>
  )
}
