import type { LedgerFile, LedgerPreview, LedgerScope } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** What an export of `scope` will hold. */
export const fetchLedgerPreview = (scope: LedgerScope): Promise<LedgerPreview> =>
  callCloud('ledger', 'preview', scope)

/** Makes the .xlsx in cloud storage and answers where to fetch it. */
export const exportLedger = (scope: LedgerScope): Promise<LedgerFile> => callCloud('ledger', 'export', scope)
