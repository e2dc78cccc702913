import { Workbook } from 'exceljs'
import type { CellValue, LedgerSheet } from '../../domain/ledger'
import { chinaWallClock } from '../../domain/time'

// Characters XML 1.0 cannot carry: one of them in a member's text would make the whole file unreadable.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/**
 * A spreadsheet cell. Excel dates have no time zone: an instant is written as its China wall-clock time, and a
 * calendar day (stored as UTC midnight) as that day, so both read in Excel as the app shows them.
 */
function cell(value: CellValue, day: boolean): string | number | Date | null {
  if (value instanceof Date) return day ? value : chinaWallClock(value)
  if (typeof value === 'string') return value.replace(XML_INVALID, '')
  return value
}

/** The ledger as .xlsx bytes: bold frozen headers, Chinese column names, dates formatted as dates. */
export async function writeWorkbook(sheets: readonly LedgerSheet[], at: Date): Promise<Buffer> {
  const book = new Workbook()
  book.creator = '党建项目通'
  book.created = chinaWallClock(at)
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: { alignment: { vertical: 'top', wrapText: true } },
    }))
    ws.getRow(1).font = { bold: true }
    for (const row of s.rows) {
      const added = ws.addRow(row.map((v, i) => cell(v, s.columns[i]?.day === true)))
      row.forEach((v, i) => {
        if (v instanceof Date)
          added.getCell(i + 1).numFmt = s.columns[i]?.day ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm'
      })
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
