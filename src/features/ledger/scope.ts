import type { LedgerScope } from '@contract/api'

/** The ledger a page address names: ?projectId=… or ?branchId=…&year=…; null when it names neither. */
export function ledgerScopeOf(params: Record<string, string | undefined>): LedgerScope | null {
  if (params.projectId) return { projectId: params.projectId }
  const year = Number(params.year)
  if (params.branchId && Number.isInteger(year)) return { branchId: params.branchId, year }
  return null
}
