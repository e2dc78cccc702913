import { randomBytes } from 'node:crypto'
import { yearCategoryLabels } from '../../domain/guide'
import { inLedger, ledgerSheets } from '../../domain/ledger'
import type { Person, SupervisionRecord } from '../../types/entities'
import type { LedgerFile } from '../../types/functions/ledger'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { cloud } from '../_shared/cloud'
import { logEvent } from '../_shared/log'
import {
  listCheckinsOf,
  listCommentsOf,
  listEventsOf,
  listMilestonesOf,
  listRecordsOf,
} from '../_shared/repositories/ledger'
import { getGuides } from '../_shared/repositories/guides'
import { getPersonNames } from '../_shared/repositories/people'
import { listBranchYearRecords } from '../_shared/repositories/supervision-records'
import { tempUrls } from '../_shared/temp-urls'
import { discardFile, recordExport } from './retention'
import type { ResolvedLedger } from './scope'
import { writeWorkbook } from './xlsx'

/** What a long export hears as it goes: rows read, then rows written. */
export interface BuildProgress {
  read?: (rows: number) => Promise<void> | void
  written?: (rows: number) => Promise<void> | void
}

/**
 * Makes a ledger's workbook: reads the whole record of its projects, writes one sheet per part, stores it under
 * the caller's own export folder with a random name, records it for deletion after EXPORT_TTL_DAYS, and answers
 * a temporary link to it. Round trips: the records at once, then milestone reviews and names at once (check-ins
 * page by page, 1,000 a page), then upload, record and link.
 */
export async function buildLedgerFile(
  ledger: ResolvedLedger,
  caller: Pick<Person, '_id' | 'name'>,
  now: Date,
  progress: BuildProgress = {},
): Promise<LedgerFile | Fail> {
  const ids = ledger.projects.map((p) => p._id)
  const [milestones, events, checkins, ratings, supervision, guides] = await Promise.all([
    listMilestonesOf(ids),
    listEventsOf(ids),
    listCheckinsOf(ids, progress.read),
    listCommentsOf(ids),
    listBranchYearRecords<SupervisionRecord>(ledger.branchId, ledger.year),
    getGuides([ledger.year]),
  ])
  const [records, names] = await Promise.all([
    listRecordsOf(milestones.map((m) => m._id)),
    getPersonNames([
      ...ledger.projects.flatMap((p) => [
        p.ownerId,
        ...p.tasks.flatMap((t) => t.assigneeIds),
        ...(p.score ? [p.score.scoredBy] : []),
      ]),
      ...milestones.map((m) => m.ownerId),
    ]),
  ])
  const sheets = ledgerSheets({
    kind: ledger.kind,
    title: ledger.title,
    branchName: ledger.branchName,
    year: ledger.year,
    exportedAt: now,
    exportedByName: caller.name,
    projects: ledger.projects,
    milestones,
    records,
    events,
    checkins,
    ratings,
    supervisionRecords: supervision.filter((r) => inLedger(r, ledger.kind, ids[0] ?? null)),
    names,
    categoryLabels: yearCategoryLabels(guides.get(ledger.year)),
  })
  const content = await writeWorkbook(sheets, now, progress.written)
  const cloudPath = `exports/${caller._id}/${randomBytes(12).toString('hex')}.xlsx`
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: content })) as {
    fileID?: string
    code?: string
  }
  if (!uploaded.fileID) {
    logEvent('error', 'ledger_upload_failed', { code: uploaded.code ?? 'unknown', bytes: content.length })
    return fail('INTERNAL', '台账文件保存失败，请稍后再试')
  }
  try {
    await recordExport(uploaded.fileID, caller._id, now)
  } catch (err) {
    // Unrecorded, the timer would never delete it: a workbook of members' records must not stay forever.
    await discardFile(uploaded.fileID)
    throw err
  }
  const url = await linkTo(uploaded.fileID)
  if (!url) return fail('INTERNAL', '台账文件链接生成失败，请稍后再试')
  logEvent('info', 'ledger_exported', {
    kind: ledger.kind,
    projects: ids.length,
    checkins: checkins.length,
    bytes: content.length,
  })
  return { fileID: uploaded.fileID, url, fileName: ledger.fileName }
}

/** A fresh temporary link to a stored workbook, or null if the storage gives none. */
export async function linkTo(fileID: string): Promise<string | null> {
  const urls = await tempUrls([fileID])
  return urls[fileID] ?? null
}
