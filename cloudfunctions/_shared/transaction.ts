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

/** Runs `work` in a transaction; WeChat retries it on conflict, so it must only read and write through `t`. */
export const runInTransaction = <T>(work: (t: Tx) => Promise<T>): Promise<T> =>
  db.runTransaction(work) as Promise<T>

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
