import { db, _ } from './cloud'

/** One document of a transaction. WeChat transactions act on single documents by _id (no where()). */
export interface TxDocument {
  get(): Promise<{ data: unknown }>
  set(options: { data: object }): Promise<unknown>
  /** `stats.updated` is 0 when there is no such document (an update never creates one). */
  update(options: { data: object }): Promise<{ stats?: { updated?: number } }>
  remove(): Promise<unknown>
}

/** What wx-server-sdk hands runTransaction's callback (its typings say `any`). */
export interface Tx {
  collection(name: string): {
    doc(id: string): TxDocument
    add(options: { data: object }): Promise<unknown>
  }
}

/** The transaction kept conflicting with others writing the same documents, after every retry. */
export class TransactionBusy extends Error {
  constructor() {
    super('transaction conflicted after every retry')
    this.name = 'TransactionBusy'
  }
}

/** CloudBase's answer when another request wrote a document of this transaction first. */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true
  const text = `${typeof e?.errMsg === 'string' ? e.errMsg : ''} ${typeof e?.message === 'string' ? e.message : ''}`
  return /TRANSACTION_CONFLICT|transaction conflict/i.test(text)
}

const ATTEMPTS = 8
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` in a transaction; it must only read and write through `t`. CloudBase's transactions are
 * optimistic: when two touch the same document one loses, and the SDK retries it at once, three times. Two
 * approvers tapping together can use those up while the winner has not committed yet, so the whole
 * transaction is tried again after a short random pause (then the loser reads the decided state and answers
 * for itself). Still conflicting after that: TransactionBusy, which the router answers as CONFLICT.
 */
export async function runInTransaction<T>(work: (t: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(work)) as T
    } catch (err) {
      if (!isTransactionConflict(err)) throw err
      if (attempt >= ATTEMPTS) throw new TransactionBusy()
      // Exponential, jittered: contenders spread out instead of colliding again.
      await pause(Math.min(400, 10 * 2 ** attempt) * (0.5 + Math.random()))
    }
  }
}

/** A document by _id inside a transaction, or null when there is none. */
export async function txGet<T>(t: Tx, collection: string, id: string): Promise<T | null> {
  const res = await t.collection(collection).doc(id).get()
  return (res.data as T | null) ?? null
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/**
 * An update that replaces each named field whole. The SDK flattens nested objects into dotted paths (and
 * drops empty ones), which would merge `score` or `answers` into what was there instead of replacing it.
 */
export function replacing(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, isPlainObject(v) ? _.set(v) : v]),
  )
}
