import { exportMode, tooLargeMessage } from '../../../domain/ledger-jobs'
import { fail, ok } from '../../../types/result'
import { now as clockNow } from '../../_shared/clock'
import { countCheckinsOf } from '../../_shared/repositories/ledger'
import { readingEarly } from '../../_shared/router'
import { buildLedgerFile } from '../build'
import { openJob, ownJobView } from '../jobs'
import { isFail, ledgerFrom, readLedgerScope } from '../scope'

/**
 * 导出管理台账. The scope is read with the caller; then its check-ins are counted from their running counters,
 * which decides how the workbook is made (domain/ledger-jobs.ts): in this call, as a job of its own that the
 * page follows, or not at all (too large even for a job, so the secretary is asked to export by project).
 */
export const exportLedger = readingEarly<'ledger', 'export'>()(
  readLedgerScope,
  async (scope, { caller, early }) => {
    const now = clockNow()
    const ledger = ledgerFrom(scope, caller, now, early)
    if (isFail(ledger)) return ledger
    const checkins = await countCheckinsOf(ledger.projects.map((p) => p._id))
    const mode = exportMode(checkins)
    if (mode === 'too_large') return fail('TOO_LARGE', tooLargeMessage(checkins))
    if (mode === 'job') return ok(await ownJobView(await openJob(ledger, scope, caller, checkins, now), now))
    const file = await buildLedgerFile(ledger, caller, now)
    return isFail(file) ? file : ok(file)
  },
)
