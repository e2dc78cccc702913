import { createHash, randomBytes } from 'node:crypto'

/** A fresh document or item id: a short prefix that says what it is, then 16 random hex digits. */
export const newId = (prefix: string): string => `${prefix}-${randomBytes(8).toString('hex')}`

/**
 * A check-in's id, derived from who sent it and the request id their app made for it: every retry of the
 * same check-in lands on the same document. The person is part of it so one member's ids never collide
 * with, or reveal, another's.
 */
export const checkinId = (personId: string, requestId: string): string =>
  `ck-${createHash('sha256').update(`${personId}\n${requestId}`).digest('hex').slice(0, 32)}`
