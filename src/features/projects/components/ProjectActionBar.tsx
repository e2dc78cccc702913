import { Button } from '@nutui/nutui-react-taro'
import type { ProjectAction } from '@contract/entities'
import { BottomBar } from '@/components/BottomBar'
import type { ActionButton } from '../action-buttons'

export interface ProjectActionBarProps {
  buttons: ActionButton[]
  busy: boolean
  onAction: (action: ProjectAction) => void
}

/** The bottom bar of the project page: only what the person may do now, one primary. */
export function ProjectActionBar({ buttons, busy, onAction }: ProjectActionBarProps) {
  if (buttons.length === 0) return null
  return (
    <BottomBar>
      {buttons.map((b) => (
        <Button
          key={b.action}
          type={b.primary ? 'primary' : 'default'}
          disabled={busy}
          onClick={() => onAction(b.action)}
        >
          {b.label}
        </Button>
      ))}
    </BottomBar>
  )
}
