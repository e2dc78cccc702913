import { ReasonSheet } from '@/components/ReasonSheet'
import type { WithdrawState } from '../hooks/use-withdraw'

/** The function keeps at most this much of a reason. */
export const WITHDRAW_REASON_LIMIT = 200

export interface WithdrawSheetProps {
  /** The page's 撤回 (useWithdraw): the sheet shows while it asks. */
  withdraw: WithdrawState
}

/** 撤回: a sheet that says what withdrawing does and asks why; the reason goes into the lecture's history. */
export function WithdrawSheet({ withdraw }: WithdrawSheetProps) {
  if (!withdraw.asking) return null
  return (
    <ReasonSheet
      title="撤回讲坛"
      text="撤回后党员将看不到这个讲坛，已有的学习记录会保留。撤回后不能再发布。"
      label="撤回原因"
      placeholder="例如：内容需要更新，将重新发布"
      limit={WITHDRAW_REASON_LIMIT}
      confirmText="确认撤回"
      busy={withdraw.busy}
      onCancel={withdraw.cancel}
      onConfirm={(reason) => void withdraw.confirm(reason)}
    />
  )
}
