import { useEffect, useState } from 'react'
import { canExportLedger } from '@domain/ledger-permissions'
import { currentPerson } from '@/features/org'

/**
 * Whether the signed-in person may export a ledger of `branchId` (its secretary, the committee): only a hint
 * for showing the entry; the function checks again. False while unknown or if who they are cannot be loaded.
 */
export function useCanExportLedger(branchId: string | undefined): boolean {
  const [can, setCan] = useState(false)
  useEffect(() => {
    let live = true
    if (!branchId) return
    currentPerson()
      .then((me) => {
        if (live)
          setCan(
            canExportLedger({ _id: me.id, branchId: me.branch?.id ?? null, grants: me.grants }, branchId),
          )
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [branchId])
  return can
}
