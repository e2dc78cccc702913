import { randomBytes } from 'node:crypto'

/** A fresh document or item id: a short prefix that says what it is, then 16 random hex digits. */
export const newId = (prefix: string): string => `${prefix}-${randomBytes(8).toString('hex')}`
