import { createHash } from 'node:crypto'

/**
 * A document id derived from who sent a request and the request id their app made for it, as check-ins do:
 * every retry of the same post or comment lands on the same document. The person is part of it so that one
 * member's ids never collide with, or reveal, another's.
 */
export const requestDocId = (prefix: string, personId: string, requestId: string): string =>
  `${prefix}-${createHash('sha256').update(`${personId}\n${requestId}`).digest('hex').slice(0, 32)}`
