import { DbError, ErrorCode } from './errors'
import type { Params } from './actions'

/**
 * CloudBase's limits on what one database request may carry (the `cloud` profile enforces them):
 * - a document is BSON and at most 16 MB (MongoDB's limit, which CloudBase's document database keeps);
 * - one `add` of an array inserts at most 1,000 documents (the same cap as one read; see db/README.md);
 * - inside a transaction only single documents by `_id` may be read or written (doc(id), never where()).
 */
export const LIMITS = {
  documentBytes: 16 * 1024 * 1024,
  batchAdd: 1000,
} as const

const bytes = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : 0)

export function checkLimits(api: string, p: Params): void {
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
