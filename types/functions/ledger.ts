import { z } from 'zod'
import type { ProjectStatus } from '../entities'
import { idSchema } from './common'

/** One project's ledger, or a branch's year (every project of the branch in that year). */
const scope = z.union(
  [
    z.object({ projectId: idSchema }).strict(),
    z.object({ branchId: idSchema, year: z.number().int().min(2000).max(2100) }).strict(),
  ],
  { error: '请指定项目，或支部和年度' },
)

export const ledgerSchemas = {
  /** What an export will hold: the ledger page shows it before the 导出 tap. */
  preview: scope,
  /**
   * 管理台账 as an .xlsx in cloud storage (one sheet per part), with a temporary link to it; a ledger too large
   * for one call (domain/ledger-jobs.ts) becomes a job instead, and the answer is the job.
   */
  export: scope,
  /** A large export's job: how far it has got, and its file once it is ready. Only its owner reads it. */
  job: z.object({ jobId: idSchema }).strict(),
  /** Runs a large export's job in this call: the page starts it after 导出, the `jobs` timer takes up any left. */
  runJob: z.object({ jobId: idSchema }).strict(),
}

export type LedgerScope = z.output<typeof scope>

/** A sheet of the workbook and how many rows (below its header) it will hold. */
export interface LedgerSheetInfo {
  name: string
  rows: number
}

export interface LedgerPreview {
  kind: 'project' | 'branch_year'
  title: string
  fileName: string
  branchId: string
  branchName: string
  year: number
  projects: { id: string; title: string; status: ProjectStatus; progress: number }[]
  sheets: LedgerSheetInfo[]
}

/** The exported workbook: its cloud file id, a temporary https link (about two hours) and a file name. */
export interface LedgerFile {
  fileID: string
  url: string
  fileName: string
}

export type LedgerJobStatus = 'queued' | 'running' | 'ready' | 'failed'

/** A large export made in its own function run, and how far it has got. */
export interface LedgerJobView {
  jobId: string
  status: LedgerJobStatus
  title: string
  fileName: string
  /** Rows the workbook will hold (its check-ins, records and the rest), as counted when the job was made. */
  total: number
  /** Rows read or written so far: the job reads every row, then writes it (`phase`). */
  done: number
  phase: 'reading' | 'writing' | null
  /** The workbook with a fresh link, once `ready`. */
  file: LedgerFile | null
  /** Why it failed, in words. */
  error: string | null
}

/** What 导出 answers: the workbook, or the job that will make it. */
export type LedgerExport = LedgerFile | LedgerJobView

export interface LedgerOutputs {
  preview: LedgerPreview
  export: LedgerExport
  job: LedgerJobView
  runJob: LedgerJobView
}
