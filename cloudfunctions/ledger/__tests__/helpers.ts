import { isLedgerJob } from '../../../domain/ledger-jobs'
import type { LedgerExport, LedgerFile } from '../../../types/functions/ledger'
import type { Result } from '../../../types/result'

/** The workbook an export answered with; fails the test if it answered a refusal or a job instead. */
export function fileOf(res: Result<LedgerExport>): LedgerFile {
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${res.message}`)
  if (isLedgerJob(res.data)) throw new Error(`expected a file, got job ${res.data.jobId}`)
  return res.data
}
