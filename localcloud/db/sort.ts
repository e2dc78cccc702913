import { compare as mingoCompare, resolve } from 'mingo/util'
import { isPlainObject, type Doc } from './codec'
import type { SortSpec } from './sql'

/**
 * MongoDB sort order in JS, for sorts that cannot run in SQL. mingo's own $sort puts missing before null and
 * compares strings by UTF-16 units; MongoDB treats missing as null and compares UTF-8 bytes (= code points),
 * which is also what SQLite does, so this keeps the SQL and JS paths in agreement.
 */

const EMPTY_ARRAY = Symbol('empty array')

function rank(v: unknown): number {
  if (v === EMPTY_ARRAY) return -1
  if (v === null || v === undefined) return 0
  if (typeof v === 'number' || typeof v === 'bigint') return 1
  if (typeof v === 'string') return 2
  if (Array.isArray(v)) return 4
  if (typeof v === 'boolean') return 9
  if (v instanceof Date) return 10
  if (v instanceof RegExp) return 11
  return isPlainObject(v) ? 3 : 7
}

function compareStrings(a: string, b: string): number {
  if (!/[\uD800-\uDFFF]/.test(a) && !/[\uD800-\uDFFF]/.test(b)) return a < b ? -1 : a > b ? 1 : 0
  const xs = [...a]
  const ys = [...b]
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = (xs[i].codePointAt(0) ?? 0) - (ys[i].codePointAt(0) ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return xs.length - ys.length
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b)
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime())
  if (ra <= 0) return 0
  return mingoCompare(a, b)
}

/** An array sorts by its smallest element ascending and its largest descending, as in MongoDB. */
function sortValue(doc: Doc, field: string, dir: 1 | -1): unknown {
  const v: unknown = resolve(doc, field)
  if (!Array.isArray(v)) return v
  if (v.length === 0) return EMPTY_ARRAY
  return v.reduce((best: unknown, x: unknown) => (compareValues(x, best) * dir < 0 ? x : best))
}

export interface Sortable {
  rowid: number
  doc: Doc
}

/** Stable MongoDB-order sort; ties go by rowid in the direction of the last key, like the SQL ORDER BY. */
export function sortRows<T extends Sortable>(rows: T[], sort: SortSpec): T[] {
  if (sort.length === 0) return rows
  const lastDir = sort[sort.length - 1][1]
  const keyed = rows.map((row) => ({ row, keys: sort.map(([f, d]) => sortValue(row.doc, f, d)) }))
  keyed.sort((x, y) => {
    for (let i = 0; i < sort.length; i++) {
      const c = compareValues(x.keys[i], y.keys[i])
      if (c !== 0) return c * sort[i][1]
    }
    return (x.row.rowid - y.row.rowid) * lastDir
  })
  return keyed.map((k) => k.row)
}
