import { Text } from '@tarojs/components'
import type { SaveState } from '../hooks/use-proposal-form'
import './save-indicator.css'

export interface SaveIndicatorProps {
  state: SaveState
  onRetry: () => void
}

const WORDS: Record<SaveState, string> = {
  idle: '填写后自动保存',
  dirty: '有修改待保存',
  saving: '保存中…',
  saved: '已保存',
  error: '保存失败，点此重试',
}

/** Whether the draft is safe: 已保存 / 保存中…; a failed save can be retried with a tap. */
export function SaveIndicator({ state, onRetry }: SaveIndicatorProps) {
  return (
    <Text
      className={`save-indicator save-indicator--${state}`}
      onClick={state === 'error' ? onRetry : undefined}
    >
      {WORDS[state]}
    </Text>
  )
}
