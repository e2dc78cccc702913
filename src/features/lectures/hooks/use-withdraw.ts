import { useState } from 'react'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { withdrawLecture } from '../api/lectures'

export interface WithdrawState {
  /** The reason sheet is open. */
  asking: boolean
  busy: boolean
  ask: () => void
  cancel: () => void
  /** Withdraws with the reason; resolves true once done. */
  confirm: (reason: string) => Promise<boolean>
}

/** 撤回 a published lecture: ask why in a sheet, then withdraw; `onDone` reloads what the page shows. */
export function useWithdraw(id: string | undefined, onDone: () => unknown): WithdrawState {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  return {
    asking,
    busy,
    ask: () => setAsking(true),
    cancel: () => setAsking(false),
    confirm: async (reason) => {
      if (!id || busy) return false
      setBusy(true)
      try {
        await withdrawLecture(id, reason)
        setAsking(false)
        showSuccessToast('已撤回')
        await onDone()
        return true
      } catch (e) {
        showErrorToast(e)
        return false
      } finally {
        setBusy(false)
      }
    },
  }
}
