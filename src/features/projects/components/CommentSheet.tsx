import { PROPOSAL_LIMITS } from '@domain/proposal'
import { ReasonSheet } from '@/components/ReasonSheet'

export interface CommentSheetProps {
  title: string
  placeholder: string
  confirmText: string
  busy: boolean
  onCancel: () => void
  /** Called only with a non-empty comment. */
  onConfirm: (comment: string) => void
}

/** A sheet over the page asking for the reason of a return (退回意见); the reason is required. */
export function CommentSheet(props: CommentSheetProps) {
  return <ReasonSheet {...props} label="退回意见" limit={PROPOSAL_LIMITS.comment} />
}
