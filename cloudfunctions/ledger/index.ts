import { createMain } from '../_shared/router'
import { exportLedger } from './actions/export'
import { preview } from './actions/preview'

/**
 * `ledger`: 管理台账 export to .xlsx. Its own function because the spreadsheet library is large: only an
 * export pays for loading it, and only this function has the longer timeout an export needs.
 */
export const main = createMain('ledger', { preview, export: exportLedger })
