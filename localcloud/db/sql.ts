import { encodeDoc, isPlainObject, type Doc } from './codec'

/**
 * Pushdown of MongoDB filters on indexed (scalar-by-contract) fields into SQLite.
 *
 * Every indexed field F is indexed as two expressions: a type rank R(F) and the value K(F).
 * R follows MongoDB's cross-type order for the scalars we allow — null/missing 0 < number 1 < string 2
 * < boolean 3 < Date 4 — and every pushed predicate pins R, so SQLite's looser typing (true = 1, a Date's
 * JSON text next to strings) can never make SQL narrower or wider than MongoDB. Because writes enforce the
 * contract (see checkScalarContract), a pushed predicate is exact, not merely a superset.
 */

export type SqlValue = string | number

export interface SqlFilter {
  /** SQL boolean expression; '' means no restriction. */
  where: string
  params: SqlValue[]
  /** True when the SQL selects exactly the documents MongoDB would, so mingo need not re-check. */
  exact: boolean
  /**
   * Indexed fields the SQL holds to one type rank (an equality or range on them is ANDed in). Sorting by
   * their rank is then a no-op, and leaving it out of ORDER BY is what lets SQLite read a range in index
   * order: it does not see that a rank pinned by `=` in WHERE orders nothing.
   */
  pinned?: string[]
}

export type SortSpec = [field: string, direction: 1 | -1][]

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export function assertIndexableField(field: string): void {
  if (!FIELD.test(field))
    throw new Error(`localcloud/db: cannot index field "${field}" (letters, digits, _ and dots)`)
}

const RANK = { nil: 0, number: 1, string: 2, boolean: 3, date: 4 } as const

export function keyExpr(field: string): string {
  return `json_extract(doc, '$.${field}')`
}

export function rankExpr(field: string): string {
  return (
    `(CASE json_type(doc, '$.${field}') WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 ` +
    `WHEN 'true' THEN 3 WHEN 'false' THEN 3 WHEN 'object' THEN 4 ELSE 0 END)`
  )
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export function indexDdl(table: string, fields: readonly string[]): string {
  fields.forEach(assertIndexableField)
  const name = quoteIdent(`${table}__${fields.join('_').replace(/\./g, '_')}`)
  // `_id` is a column of its own (the primary key), not a field inside the document: as the last field of an
  // index it orders each value of the fields before it by id, as a CloudBase index on [field, _id] does.
  const cols = fields.map((f) => (f === '_id' ? '_id' : `${rankExpr(f)}, ${keyExpr(f)}`)).join(', ')
  return `CREATE INDEX IF NOT EXISTS ${name} ON ${quoteIdent(table)} (${cols})`
}

/** SQL form of a Date: exactly the text json_extract returns for our stored `{"$date":"<ISO>"}`. */
function dateKey(d: Date): string | undefined {
  const year = d.getUTCFullYear()
  if (Number.isNaN(d.getTime()) || year < 0 || year > 9999) return undefined
  return encodeDoc({ $date: d.toISOString() })
}

interface Typed {
  rank: number
  value: SqlValue | null
}

/** The (rank, key) a scalar has in SQL, or undefined when it cannot be pushed exactly. */
export function typed(v: unknown): Typed | undefined {
  if (v === null) return { rank: RANK.nil, value: null }
  if (typeof v === 'boolean') return { rank: RANK.boolean, value: v ? 1 : 0 }
  if (typeof v === 'number') return Number.isFinite(v) ? { rank: RANK.number, value: v } : undefined
  if (typeof v === 'string') return { rank: RANK.string, value: v }
  if (v instanceof Date) {
    const key = dateKey(v)
    return key === undefined ? undefined : { rank: RANK.date, value: key }
  }
  return undefined
}

type Piece = { sql: string; params: SqlValue[] } | undefined

// Stored _ids are always strings (actions.ts refuses others), so a non-string scalar matches no _id.
const NOTHING: Piece = { sql: '0', params: [] }

function eqPiece(field: string, v: unknown): Piece {
  if (field === '_id') return typeof v === 'string' ? { sql: '_id = ?', params: [v] } : typed(v) && NOTHING
  const t = typed(v)
  if (!t) return undefined
  if (t.value === null) return { sql: `${rankExpr(field)} = 0`, params: [] }
  return { sql: `${rankExpr(field)} = ${t.rank} AND ${keyExpr(field)} = ?`, params: [t.value] }
}

function inPiece(field: string, list: unknown): Piece {
  if (!Array.isArray(list)) return undefined
  if (list.length === 0) return { sql: '0', params: [] }
  if (field === '_id') {
    if (!list.every((v) => typed(v) !== undefined)) return undefined
    const strings = list.filter((v): v is string => typeof v === 'string')
    return strings.length === 0
      ? NOTHING
      : { sql: `_id IN (${strings.map(() => '?').join(', ')})`, params: strings }
  }
  const byRank = new Map<number, SqlValue[]>()
  let withNull = false
  for (const v of list) {
    const t = typed(v)
    if (!t) return undefined
    if (t.value === null) withNull = true
    else byRank.set(t.rank, [...(byRank.get(t.rank) ?? []), t.value])
  }
  const terms: string[] = []
  const params: SqlValue[] = []
  for (const [rank, values] of byRank) {
    terms.push(
      `(${rankExpr(field)} = ${rank} AND ${keyExpr(field)} IN (${values.map(() => '?').join(', ')}))`,
    )
    params.push(...values)
  }
  if (withNull) terms.push(`${rankExpr(field)} = 0`)
  return { sql: terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`, params }
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

function rangePiece(field: string, op: string, v: unknown): Piece {
  // MongoDB compares only within a type bracket; null/boolean ranges are left to mingo.
  const t = typed(v)
  if (!t || t.value === null || t.rank === RANK.boolean) return undefined
  if (field === '_id')
    return t.rank === RANK.string ? { sql: `_id ${RANGE_OPS[op]} ?`, params: [t.value] } : NOTHING
  return { sql: `${rankExpr(field)} = ${t.rank} AND ${keyExpr(field)} ${RANGE_OPS[op]} ?`, params: [t.value] }
}

/**
 * MongoDB's $ne/$nin also match missing fields. Pieces pin R, which is never NULL, so they are never NULL
 * themselves; IFNULL keeps the negation right should a piece ever be.
 */
function negate(p: Piece): Piece {
  return p && { sql: `NOT IFNULL((${p.sql}), 0)`, params: p.params }
}

function operatorPiece(field: string, op: string, arg: unknown): Piece {
  switch (op) {
    case '$eq':
      return eqPiece(field, arg)
    case '$ne':
      return negate(eqPiece(field, arg))
    case '$in':
      return inPiece(field, arg)
    case '$nin':
      return negate(inPiece(field, arg))
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return rangePiece(field, op, arg)
    case '$exists':
      if (field === '_id') return { sql: arg ? '1' : '0', params: [] }
      return { sql: `json_type(doc, '$.${field}') IS ${arg ? 'NOT ' : ''}NULL`, params: [] }
    default:
      return undefined
  }
}

function isOperatorObject(v: unknown): v is Doc {
  if (!isPlainObject(v)) return false
  const keys = Object.keys(v)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

function and(parts: SqlFilter[], exact: boolean): SqlFilter {
  const used = parts.filter((p) => p.where !== '')
  return {
    where: used.map((p) => (used.length > 1 ? `(${p.where})` : p.where)).join(' AND '),
    params: used.flatMap((p) => p.params),
    exact: exact && parts.every((p) => p.exact),
    pinned: [...new Set(parts.flatMap((p) => p.pinned ?? []))],
  }
}

/** Whether `op` with `arg` holds `field` to the one rank of `arg` (a non-null, non-boolean-range scalar). */
function pins(field: string, op: string, arg: unknown): boolean {
  if (field === '_id' || !['$eq', '$gt', '$gte', '$lt', '$lte'].includes(op)) return false
  const t = typed(arg)
  return t !== undefined && t.value !== null && (op === '$eq' || t.rank !== RANK.boolean)
}

function fieldFilter(field: string, cond: unknown): SqlFilter {
  if (cond instanceof RegExp) return { where: '', params: [], exact: false }
  if (!isOperatorObject(cond)) {
    const p = eqPiece(field, cond)
    return p
      ? { where: p.sql, params: p.params, exact: true, pinned: pins(field, '$eq', cond) ? [field] : [] }
      : { where: '', params: [], exact: false }
  }
  const parts: SqlFilter[] = []
  let exact = true
  for (const [op, arg] of Object.entries(cond)) {
    const p = operatorPiece(field, op, arg)
    if (p)
      parts.push({ where: p.sql, params: p.params, exact: true, pinned: pins(field, op, arg) ? [field] : [] })
    else exact = false
  }
  return and(parts, exact)
}

/**
 * Translates the pushable part of a filter. Unpushable parts are dropped (the SQL then selects a superset and
 * `exact` is false), except inside $or, where dropping a branch would narrow the result: there the whole
 * $or is pushed only if every branch yields some SQL.
 */
export function compileFilter(filter: Doc, indexed: ReadonlySet<string>): SqlFilter {
  const parts: SqlFilter[] = []
  let exact = true
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      parts.push(
        and(
          cond.map((c) => (isPlainObject(c) ? compileFilter(c, indexed) : unknownPart())),
          true,
        ),
      )
    } else if (key === '$or' && Array.isArray(cond) && cond.length > 0) {
      const branches = cond.map((c) => (isPlainObject(c) ? compileFilter(c, indexed) : unknownPart()))
      if (branches.every((b) => b.where !== '')) {
        parts.push({
          where: branches.map((b) => `(${b.where})`).join(' OR '),
          params: branches.flatMap((b) => b.params),
          exact: branches.every((b) => b.exact),
        })
      } else exact = false
    } else if (key === '_id' || indexed.has(key)) {
      parts.push(fieldFilter(key, cond))
    } else {
      exact = false
    }
  }
  return and(parts, exact)
}

function unknownPart(): SqlFilter {
  return { where: '', params: [], exact: false }
}

/**
 * ORDER BY for a sort on indexed fields / _id, or undefined when it must be done in JS. Ties are broken by
 * rowid in the direction of the last key, which keeps an all-asc or all-desc sort fully served by the index;
 * the JS sort (sort.ts) breaks ties the same way.
 */
export function compileSort(
  sort: SortSpec,
  indexed: ReadonlySet<string>,
  pinned: readonly string[] = [],
): string | undefined {
  if (sort.length === 0) return 'rowid'
  const terms: string[] = []
  for (const [field, dir] of sort) {
    const d = dir === -1 ? ' DESC' : ''
    if (field === '_id') terms.push(`_id${d}`)
    else if (indexed.has(field) && pinned.includes(field)) terms.push(`${keyExpr(field)}${d}`)
    else if (indexed.has(field)) terms.push(`${rankExpr(field)}${d}`, `${keyExpr(field)}${d}`)
    else return undefined
  }
  if (sort[sort.length - 1][0] !== '_id') terms.push(`rowid${sort[sort.length - 1][1] === -1 ? ' DESC' : ''}`)
  return terms.join(', ')
}
