import type { DB } from 'wx-server-sdk'
import { COLLECTIONS, _, cloud, db } from '../_shared/cloud'
import { newId } from '../_shared/ids'
import { logEvent } from '../_shared/log'

/**
 * Exported ledgers hold a whole record of members, names and ratings: they are kept long enough to download and
 * forward, then deleted by the `cleanup` timer.
 */
export const EXPORT_TTL_DAYS = 7
const DAY = 24 * 3600 * 1000
/** `deleteFile` takes at most 50 file ids a call. */
export const DELETE_BATCH = 50
/** Batches one run may take: 500 files, well inside the function's 20 s even at CloudBase's latency. */
export const MAX_BATCHES = 10
/** A run stops starting batches after this long, whatever is left, so that it never meets its timeout. */
const RUN_BUDGET_MS = 12_000
/** A file the storage refused to delete is tried again this much later, so it never blocks the others. */
const RETRY_AFTER_MS = DAY
/** `STORAGE_FILE_NONEXIST`: the file is already gone, so its record may go too. */
const FILE_GONE = -503003

/** One exported workbook in cloud storage and when it is deleted. */
export interface LedgerExportRecord {
  _id: string
  fileID: string
  ownerId: string
  createdAt: Date
  expiresAt: Date
  /** Failed deletions so far. */
  attempts: number
}

/** When an export made before this instant has expired (its file, and any job that made it, may go). */
export const madeBeforeExpiry = (at: Date): Date => new Date(at.getTime() - EXPORT_TTL_DAYS * DAY)

/** Records a just-uploaded export, so the timer can delete it at `expiresAt`. */
export async function recordExport(fileID: string, ownerId: string, at: Date): Promise<Date> {
  const expiresAt = new Date(at.getTime() + EXPORT_TTL_DAYS * DAY)
  const doc: LedgerExportRecord = {
    _id: newId('lx'),
    fileID,
    ownerId,
    createdAt: at,
    expiresAt,
    attempts: 0,
  }
  await db.collection(COLLECTIONS.ledgerExports).add({ data: doc })
  return expiresAt
}

/** Deletes a file nobody recorded (its record could not be written): better no export than one kept forever. */
export async function discardFile(fileID: string): Promise<void> {
  try {
    await cloud.deleteFile({ fileList: [fileID] })
  } catch {
    logEvent('error', 'ledger_export_discard_failed', { fileID })
  }
}

export interface CleanupSummary {
  /** Files deleted (or already gone) and their records removed. */
  deleted: number
  /** Files the storage refused to delete this run; tried again a day later. */
  failed: number
  batches: number
  /** Whether expired exports are left for the next run. */
  more: boolean
}

interface DeleteResult {
  fileID: string
  status?: number
  code?: string
}

/**
 * The timer's run: expired exports, oldest first, 50 a `deleteFile` call, then their records. Bounded by batch
 * count and time, so a backlog is worked off over several runs instead of being cut off by the timeout halfway.
 */
export async function cleanupExpired(at: Date): Promise<CleanupSummary> {
  const started = Date.now()
  const summary: CleanupSummary = { deleted: 0, failed: 0, batches: 0, more: false }
  const exports = db.collection(COLLECTIONS.ledgerExports)
  for (;;) {
    if (summary.batches >= MAX_BATCHES || Date.now() - started > RUN_BUDGET_MS) {
      const left = (await exports.where({ expiresAt: _.lte(at) }).count()) as DB.ICountResult
      summary.more = left.total > 0
      return summary
    }
    const res = (await exports
      .where({ expiresAt: _.lte(at) })
      .orderBy('expiresAt', 'asc')
      .limit(DELETE_BATCH)
      .get()) as DB.IQueryResult
    const due = res.data as LedgerExportRecord[]
    if (due.length === 0) return summary
    summary.batches += 1
    const answer = (await cloud.deleteFile({ fileList: due.map((d) => d.fileID) })) as {
      fileList?: DeleteResult[]
    }
    const status = new Map((answer.fileList ?? []).map((f) => [f.fileID, f.status ?? (f.code ? -1 : 0)]))
    const gone = due.filter((d) => status.get(d.fileID) === 0 || status.get(d.fileID) === FILE_GONE)
    const kept = due.filter((d) => !gone.includes(d))
    if (gone.length > 0) await exports.where({ _id: _.in(gone.map((d) => d._id)) }).remove()
    summary.deleted += gone.length
    summary.failed += kept.length
    if (kept.length > 0) {
      logEvent('error', 'ledger_export_delete_failed', {
        files: kept.length,
        status: status.get(kept[0].fileID) ?? null,
      })
      await exports
        .where({ _id: _.in(kept.map((d) => d._id)) })
        .update({ data: { expiresAt: new Date(at.getTime() + RETRY_AFTER_MS), attempts: _.inc(1) } })
    }
  }
}
