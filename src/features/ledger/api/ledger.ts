import type { LedgerExport, LedgerJobView, LedgerPreview, LedgerScope } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** What an export of `scope` will hold. */
export const fetchLedgerPreview = (scope: LedgerScope): Promise<LedgerPreview> =>
  callCloud('ledger', 'preview', scope)

/** Makes the .xlsx in cloud storage and answers where to fetch it, or, for a large ledger, the job making it. */
export const exportLedger = (scope: LedgerScope): Promise<LedgerExport> =>
  callCloud('ledger', 'export', scope)

/** How far a large export's job has got (with its file once ready). */
export const fetchLedgerJob = (jobId: string): Promise<LedgerJobView> => callCloud('ledger', 'job', { jobId })

/** Makes a large export in a run of its own: answers once the workbook is made (or the job failed). */
export const runLedgerJob = (jobId: string): Promise<LedgerJobView> =>
  callCloud('ledger', 'runJob', { jobId })
