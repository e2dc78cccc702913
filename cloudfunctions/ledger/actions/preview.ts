import { inLedger, ledgerSheetSizes } from '../../../domain/ledger'
import type { SupervisionRecord } from '../../../types/entities'
import { ok } from '../../../types/result'
import { listBranchYearRecords } from '../../_shared/repositories/supervision-records'
import {
  countCheckinsOf,
  countCommentsOf,
  countEventsOf,
  countRecordsOf,
  listMilestonesOf,
} from '../../_shared/repositories/ledger'
import { readingEarly } from '../../_shared/router'
import { isFail, ledgerFrom, readLedgerScope } from '../scope'

/**
 * What an export will hold, counted without reading the records: check-ins from their running counters. Reads:
 * the scope with the caller, then milestones and counts at once, then the milestones' records.
 */
export const preview = readingEarly<'ledger', 'preview'>()(
  readLedgerScope,
  async (scope, { caller, early }) => {
    const ledger = ledgerFrom(scope, caller, new Date(), early)
    if (isFail(ledger)) return ledger
    const ids = ledger.projects.map((p) => p._id)
    const [milestones, checkins, events, comments, supervision] = await Promise.all([
      listMilestonesOf(ids),
      countCheckinsOf(ids),
      countEventsOf(ids),
      countCommentsOf(ids),
      listBranchYearRecords<Pick<SupervisionRecord, 'projectId' | 'followUps'>>(
        ledger.branchId,
        ledger.year,
        {
          _id: true,
          projectId: true,
          followUps: true,
        },
      ),
    ])
    const records = await countRecordsOf(milestones.map((m) => m._id))
    return ok({
      kind: ledger.kind,
      title: ledger.title,
      fileName: ledger.fileName,
      branchId: ledger.branchId,
      branchName: ledger.branchName,
      year: ledger.year,
      projects: ledger.projects.map((p) => ({
        id: p._id,
        title: p.title,
        status: p.status,
        progress: p.progress,
      })),
      sheets: ledgerSheetSizes({
        projects: ledger.projects,
        milestones,
        checkins,
        records,
        events,
        comments,
        supervisionRecords: supervision.filter((r) => inLedger(r, ledger.kind, ids[0] ?? null)),
      }),
    })
  },
)
