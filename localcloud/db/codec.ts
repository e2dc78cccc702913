import { createRequire } from 'node:module'
import { DbError, ErrorCode } from './errors'

export type Doc = Record<string, unknown>

interface EjsonOptions {
  relaxed?: boolean
}

/** The part of bson's EJSON this module uses (bson 4.x, as shipped with @cloudbase/database). */
interface Ejson {
  parse(text: string, options?: EjsonOptions): unknown
  serialize(value: unknown, options?: EjsonOptions): unknown
  deserialize(value: unknown, options?: EjsonOptions): unknown
}

/**
 * Uses the very bson the SDK serialises with (resolved through wx-server-sdk → node-sdk → database),
 * so both ends agree on EJSON details and no extra dependency is needed.
 */
function loadEjson(): Ejson {
  const sdk = createRequire(__filename).resolve('wx-server-sdk')
  const nodeSdk = createRequire(sdk).resolve('@cloudbase/node-sdk')
  const database = createRequire(nodeSdk).resolve('@cloudbase/database')
  const bson = createRequire(database)('bson') as { EJSON: Ejson }
  return bson.EJSON
}

export const EJSON = loadEjson()

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  // Any realm's Object.prototype: a request relayed from a function's worker thread arrives built in another.
  return proto === null || Object.getPrototypeOf(proto) === null
}

function bsonType(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const tag: unknown = (value as { _bsontype?: unknown })._bsontype
  return typeof tag === 'string' ? tag : undefined
}

// Single-key objects that are EJSON type wrappers rather than user data.
const EJSON_WRAPPERS = new Set([
  '$date',
  '$oid',
  '$numberDouble',
  '$numberInt',
  '$numberLong',
  '$numberDecimal',
  '$regularExpression',
  '$binary',
  '$timestamp',
  '$symbol',
  '$code',
  '$minKey',
  '$maxKey',
  '$uuid',
])

/**
 * Storage text: plain JSON for plain values (so json_extract sees numbers and strings as themselves) and
 * EJSON wrappers for the rest. Dates are always `{"$date":"<ISO>"}` — also before 1970, unlike relaxed
 * EJSON — so that ISO text order is date order for the SQL pushdown. The text is valid relaxed EJSON,
 * so it can go to the SDK unchanged.
 */
export function encodeDoc(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, json: unknown): unknown {
    const raw = this[key]
    if (raw instanceof Date) {
      if (Number.isNaN(raw.getTime())) throw new DbError(ErrorCode.INVALID_PARAM, `invalid Date at "${key}"`)
      return { $date: raw.toISOString() }
    }
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $numberDouble: String(raw) }
    if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } }
    if (bsonType(raw) !== undefined) return EJSON.serialize(raw, { relaxed: true })
    return json
  })
}

/** Replaces EJSON wrappers in freshly parsed JSON, in place. */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i])
    return value
  }
  const obj = value as Doc
  const keys = Object.keys(obj)
  if (keys.length > 0 && keys.length <= 2 && EJSON_WRAPPERS.has(keys[0])) {
    if (keys.length === 1 && typeof obj.$date === 'string') return new Date(obj.$date)
    return EJSON.deserialize(obj, { relaxed: true })
  }
  for (const k of keys) obj[k] = revive(obj[k])
  return obj
}

/**
 * Storage text → document with real Dates. JSON.parse plus an in-place walk (only when the text has a
 * `"$` at all) is several times faster than EJSON.parse or a JSON.parse reviver.
 */
export function decodeDoc(text: string): Doc {
  const parsed: unknown = JSON.parse(text)
  const doc = text.includes('"$') ? revive(parsed) : parsed
  if (!isPlainObject(doc)) throw new DbError(ErrorCode.REQUEST_FAILED, 'stored document is not an object')
  return doc
}

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

/**
 * Request values after EJSON decoding: BSONRegExp → RegExp (mingo needs native ones; MongoDB's `x` flag has
 * no JS equivalent and is dropped) and `{$tcb_server_date:{offset}}` → the current time, one `now` per request.
 */
function normalize(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v, now))
  if (bsonType(value) === 'BSONRegExp') {
    const { pattern, options } = value as { pattern: string; options: string }
    const flags = [...options].filter((f) => JS_REGEX_FLAGS.has(f)).join('')
    return new RegExp(pattern, flags)
  }
  if (!isPlainObject(value)) return value
  const serverDate = value.$tcb_server_date
  if (Object.keys(value).length === 1 && serverDate !== undefined) {
    const offset = isPlainObject(serverDate) && typeof serverDate.offset === 'number' ? serverDate.offset : 0
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = normalize(v, now)
  return out
}

/** Decodes one EJSON string sent by the SDK (canonical form) into plain JS values. */
export function decodeRequestValue(text: string, now: number): unknown {
  return normalize(EJSON.parse(text, { relaxed: true }), now)
}

/** Same, for values the SDK sends that must be objects (queries, update data, documents). */
export function decodeRequestObject(text: unknown, what: string, now: number): Doc {
  if (typeof text !== 'string') throw new DbError(ErrorCode.INVALID_PARAM, `${what} must be an EJSON string`)
  const value = decodeRequestValue(text, now)
  if (!isPlainObject(value)) throw new DbError(ErrorCode.INVALID_PARAM, `${what} must be an object`)
  return value
}

/** Converts values handed to the direct API (seeding, tests) the same way as request values. */
export function normalizeInput(value: Doc, now: number): Doc {
  const out = normalize(value, now)
  return isPlainObject(out) ? out : {}
}
