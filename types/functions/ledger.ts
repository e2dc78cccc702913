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
  /** 管理台账 as an .xlsx in cloud storage (one sheet per part), with a temporary link to it. */
  export: scope,
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

export interface LedgerOutputs {
  preview: LedgerPreview
  export: LedgerFile
}
