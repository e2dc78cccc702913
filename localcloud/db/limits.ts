import { DbError, ErrorCode } from './errors'
import type { Params } from './actions'

/**
 * CloudBase's limits on what one database request may carry (the `cloud` profile enforces them):
 * - a document is BSON and at most 16 MB (MongoDB's limit, which CloudBase's document database keeps);
 * - one `add` of an array inserts at most 1,000 documents (the same cap as one read; see db/README.md);
 * - inside a transaction only single documents by `_id` may be read or written (doc(id), never where());
 * - a request other than a function call carries at most 100 MB (CloudBase error EXCEED_MAX_PAYLOAD_SIZE);
 * - `watch()` (实时数据推送) is for the app and the Web SDK only: wx-server-sdk itself offers none.
 */
export const LIMITS = {
  documentBytes: 16 * 1024 * 1024,
  batchAdd: 1000,
  requestBytes: 100 * 1024 * 1024,
} as const

const bytes = (v: unknown): number =>
  typeof v === 'string'
    ? Buffer.byteLength(v)
    : Array.isArray(v)
      ? v.reduce((n: number, x) => n + bytes(x), 0)
      : 0

export function checkLimits(api: string, p: Params): void {
  if (bytes(p.data) + bytes(p.query) > LIMITS.requestBytes)
    throw new DbError(
      ErrorCode.INVALID_PARAM,
      'EXCEED_MAX_PAYLOAD_SIZE: a database request carries at most 100 MB',
    )
  if (api === 'database.insertDocument' && Array.isArray(p.data)) {
    if (p.data.length > LIMITS.batchAdd)
      throw new DbError(
        ErrorCode.INVALID_PARAM,
        `one add() inserts at most ${LIMITS.batchAdd} documents, not ${p.data.length}`,
      )
    if (p.data.some((d) => bytes(d) > LIMITS.documentBytes))
      throw new DbError(ErrorCode.INVALID_PARAM, 'a document is larger than 16 MB')
  }
  if (api === 'database.modifyDocument' && bytes(p.data) > LIMITS.documentBytes)
    throw new DbError(ErrorCode.INVALID_PARAM, 'a document is larger than 16 MB')
  const inTransaction = typeof p.transactionId === 'string' && p.transactionId !== ''
  if (inTransaction && api !== 'database.insertDocument' && api.endsWith('Document') && p.queryType !== 'DOC')
    throw new DbError(
      ErrorCode.INVALID_PARAM,
      'only single documents by _id (doc(id)) may be read or written inside a transaction',
    )
}
