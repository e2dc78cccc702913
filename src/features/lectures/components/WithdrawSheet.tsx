import { ReasonSheet } from '@/components/ReasonSheet'

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
  return (
    <ReasonSheet
      title="撤回讲坛"
      text="撤回后党员将看不到这个讲坛，已有的学习记录会保留。撤回后不能再发布。"
      label="撤回原因"
      placeholder="例如：内容需要更新，将重新发布"
      limit={WITHDRAW_REASON_LIMIT}
      confirmText="确认撤回"
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  )
}
