import { useState } from 'react'
import { usePageAction } from '@/hooks/use-page-action'
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
  const action = usePageAction(async () => {
    await onDone()
  })
  return {
    asking,
    busy: action.busy,
    ask: () => setAsking(true),
    cancel: () => setAsking(false),
    confirm: async (reason) => {
      if (!id) return false
      return action.run(async () => {
        await withdrawLecture(id, reason)
        setAsking(false)
        return '已撤回'
      })
    },
  }
}
