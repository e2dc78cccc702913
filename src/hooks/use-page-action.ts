import { useState } from 'react'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'

export interface PageAction {
  /** True while an action runs: the page disables its buttons. */
  busy: boolean
  /**
   * Runs one action at a time: `work` resolves to what to say (a success toast), then the page reads its data
   * again. A failure is said in a toast. Resolves true when the action was done (the page may clear its form).
   */
  run: (work: () => Promise<string>) => Promise<boolean>
}

/** The actions of a page that shows one record (a guide, a spot check): each done, said, and the record read again. */
export function usePageAction(reload: () => Promise<unknown>): PageAction {
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<string>): Promise<boolean> => {
    if (busy) return false
    setBusy(true)
    try {
      showSuccessToast(await work())
      await reload()
      return true
    } catch (e) {
      showErrorToast(e)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}
