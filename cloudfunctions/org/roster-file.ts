import { ROSTER_MAX_ROWS, rosterColumns, type RosterInputRow } from '../../domain/roster'

/** Why a roster file cannot be read at all (per-row problems are the plan's). */
export class RosterFileError extends Error {}

const REQUIRED = [
  ['name', '姓名'],
  ['phone', '手机号'],
  ['branch', '支部'],
] as const

/**
 * The rows of the first worksheet of an .xlsx roster: the first non-empty row names the columns (姓名, 手机号,
 * 工号, 支部, 党小组, 职务, 角色, or their English names), every later non-empty row is a member.
 */
export async function readRosterXlsx(content: Buffer): Promise<RosterInputRow[]> {
  // Loaded on first use: whoami, the function's hot path, never pays for the spreadsheet library.
  const { Workbook } = await import('exceljs')
  const book = new Workbook()
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw new RosterFileError('无法读取名册：请上传 .xlsx 格式的 Excel 文件')
  }
  const sheet = book.worksheets[0]
  if (!sheet) throw new RosterFileError('名册中没有工作表')
  if (sheet.actualRowCount > ROSTER_MAX_ROWS + 1)
    throw new RosterFileError(`名册超过 ${ROSTER_MAX_ROWS} 行，请分批导入`)

  const texts = (rowNumber: number): string[] => {
    const row = sheet.getRow(rowNumber)
    const out: string[] = []
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) out.push(row.getCell(c).text?.trim() ?? '')
    return out
  }
  let headerRow = 0
  for (let r = 1; r <= sheet.rowCount && headerRow === 0; r++)
    if (texts(r).some((t) => t !== '')) headerRow = r
  if (headerRow === 0) throw new RosterFileError('名册是空的')
  const columns = rosterColumns(texts(headerRow))
  const missing = REQUIRED.filter(([field]) => columns[field] === undefined).map(([, label]) => label)
  if (missing.length > 0) throw new RosterFileError(`名册第 ${headerRow} 行缺少列：${missing.join('、')}`)

  const rows: RosterInputRow[] = []
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cells = texts(r)
    if (cells.every((t) => t === '')) continue
    const row: RosterInputRow = { row: r }
    for (const [field, index] of Object.entries(columns) as [keyof Omit<RosterInputRow, 'row'>, number][]) {
      const text = cells[index] ?? ''
      if (text !== '') row[field] = text.slice(0, 200)
    }
    rows.push(row)
  }
  if (rows.length === 0) throw new RosterFileError('名册中没有党员')
  if (rows.length > ROSTER_MAX_ROWS) throw new RosterFileError(`名册超过 ${ROSTER_MAX_ROWS} 行，请分批导入`)
  return rows
}
