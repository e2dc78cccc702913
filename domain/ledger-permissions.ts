import type { Actor } from './roles'
import { isCommittee, isSecretaryOf } from './roles'

/**
 * 管理台账 export: a project's, or a branch's year, goes to its branch secretary and the committee; members
 * read their projects in the app but do not take the ledger away. Apart from the workbook's layout (ledger.ts),
 * so the app asks this without loading the sheets.
 */
export const canExportLedger = (actor: Actor, branchId: string): boolean =>
  isCommittee(actor) || isSecretaryOf(actor, branchId)
