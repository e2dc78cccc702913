import { isPlainObject, type Doc } from './codec'
import { DbError, ErrorCode } from './errors'
import { typed } from './sql'

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array'
  if (v instanceof Date) return `the Date ${String(v)}`
  if (typeof v === 'number') return String(v)
  return v === null ? 'null' : `a ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}`
}

/** Refuses writes that would break the scalar contract the pushdown's exactness depends on. */
export function checkScalarContract(collection: string, doc: Doc, fields: readonly string[]): void {
  for (const field of fields) {
    let cur: unknown = doc
    for (const seg of field.split('.')) {
      if (Array.isArray(cur)) {
        throw new DbError(
          ErrorCode.REQUEST_FAILED,
          `localcloud: ${collection}.${field} is indexed and scalar by contract (localcloud/db/indexes.ts), ` +
            'but an array lies on its path',
        )
      }
      cur = isPlainObject(cur) ? cur[seg] : undefined
    }
    if (cur === undefined || typed(cur) !== undefined) continue
    throw new DbError(
      ErrorCode.REQUEST_FAILED,
      `localcloud: ${collection}.${field} is indexed and scalar by contract (localcloud/db/indexes.ts): ` +
        `null, boolean, finite number, string or Date (year 0–9999) only, got ${describe(cur)}`,
    )
  }
}
