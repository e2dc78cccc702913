import { Tag } from '@nutui/nutui-react-taro'
import type { ProjectStatus } from '@contract/entities'
import { STATUS_LABELS } from '@domain/labels'
import './status-tag.css'

export interface StatusTagProps {
  status: ProjectStatus
}

/** A project's state as a word; the colour only repeats what the word says. */
export function StatusTag({ status }: StatusTagProps) {
  return <Tag className={`status-tag status-tag--${status}`}>{STATUS_LABELS[status]}</Tag>
}
