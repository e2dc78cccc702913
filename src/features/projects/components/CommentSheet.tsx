import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PROPOSAL_LIMITS } from '@domain/proposal'
import { TextField } from '@/components/TextField'
import './comment-sheet.css'

export interface CommentSheetProps {
  title: string
  placeholder: string
  confirmText: string
  busy: boolean
  onCancel: () => void
  /** Called only with a non-empty comment. */
  onConfirm: (comment: string) => void
}

/** A sheet over the page asking for the reason of a return; the reason is required. */
export function CommentSheet({
  title,
  placeholder,
  confirmText,
  busy,
  onCancel,
  onConfirm,
}: CommentSheetProps) {
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string>()
  const confirm = () => {
    if (!comment.trim()) {
      setError('请填写退回意见')
      return
    }
    onConfirm(comment.trim())
  }
  return (
    <View className="comment-sheet">
      <View className="comment-sheet__mask" onClick={onCancel} />
      <View className="comment-sheet__panel">
        <Text className="comment-sheet__title">{title}</Text>
        <TextField
          label="退回意见"
          required
          multiline
          value={comment}
          limit={PROPOSAL_LIMITS.comment}
          placeholder={placeholder}
          error={error}
          onChange={(v) => {
            setComment(v)
            if (v.trim()) setError(undefined)
          }}
        />
        <View className="comment-sheet__actions">
          <Button type="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="primary" disabled={busy} onClick={confirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
