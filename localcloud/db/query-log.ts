import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { decodeRequestObject, decodeRequestValue, isPlainObject, type Doc } from './codec'

/**
 * What one database call of a function asks of a collection: the fields it filters and sorts on. Recorded
 * while the functions' integration tests run (LOCALCLOUD_QUERY_LOG=<folder>), so the deploy check can prove
 * that every collection and every filtered field the code really queries has a declared index
 * (deploy/database.json), instead of trusting a hand-kept list.
 */
export interface QueryShape {
  api: 'get' | 'count' | 'aggregate' | 'update' | 'remove'
  collection: string
  /** Field paths the filter constrains (through $and/$or/$nor), sorted, without duplicates. */
  filter: string[]
  /** Field paths sorted on, in order. */
  sort: string[]
  /** The filter pins `_id` (equality or $in, in its top-level AND): the _id index answers it. */
  byId: boolean
}

const APIS: Record<string, QueryShape['api']> = {
  'database.getDocument': 'get',
  'database.calculateDocument': 'count',
  'database.aggregateDocuments': 'aggregate',
  'database.modifyDocument': 'update',
  'database.modifyAndReturnDoc': 'update',
  'database.removeDocument': 'remove',
}

const LOGICAL = new Set(['$and', '$or', '$nor'])

/** The field paths a MongoDB-style filter constrains. */
export function filterFields(filter: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (!isPlainObject(filter)) return out
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL.has(key) && Array.isArray(value)) {
      for (const part of value) filterFields(part, prefix, out)
    } else if (key === '$not') {
      filterFields(value, prefix, out)
    } else if (!key.startsWith('$')) {
      const path = prefix ? `${prefix}.${key}` : key
      // {a: {b: 1}} (no operators inside) is a sub-document match the SDK sends for where({a: {b: 1}}):
      // it constrains a.b.
      if (
        isPlainObject(value) &&
        Object.keys(value).length > 0 &&
        !Object.keys(value).some((k) => k.startsWith('$'))
      )
        filterFields(value, path, out)
      else out.add(path)
    }
  }
  return out
}

/** Whether a filter pins `_id` to given values in its top-level AND (then no other index is needed). */
export function pinsId(filter: unknown): boolean {
  if (!isPlainObject(filter)) return false
  if ('_id' in filter) {
    const id = filter._id
    if (!isPlainObject(id)) return true
    const ops = Object.keys(id)
    return ops.length > 0 && ops.every((op) => op === '$in' || op === '$eq')
  }
  return Array.isArray(filter.$and) && filter.$and.some(pinsId)
}

function shapeOf(api: string, params: Doc): QueryShape | null {
  const kind = APIS[api]
  if (!kind || typeof params.collectionName !== 'string') return null
  const now = Date.now()
  let filter: unknown = {}
  let sort: unknown = {}
  if (kind === 'aggregate') {
    const stages = Array.isArray(params.stages) ? (params.stages as Doc[]) : []
    const decoded = stages.map((s) => ({
      key: s.stageKey,
      value: typeof s.stageValue === 'string' ? decodeRequestValue(s.stageValue, now) : null,
    }))
    // Only a leading $match (then $sort) reads the collection through an index.
    if (decoded[0]?.key === '$match') filter = decoded[0].value
    const sortAt = decoded[0]?.key === '$match' ? 1 : 0
    if (decoded[sortAt]?.key === '$sort') sort = decoded[sortAt].value
  } else {
    if (typeof params.query === 'string' && params.query !== '')
      filter = decodeRequestObject(params.query, 'query', now)
    if (typeof params.order === 'string' && params.order !== '')
      sort = decodeRequestObject(params.order, 'order', now)
  }
  return {
    api: kind,
    collection: params.collectionName,
    filter: [...filterFields(filter)].sort(),
    sort: isPlainObject(sort) ? Object.keys(sort) : [],
    byId: pinsId(filter),
  }
}

const seen = new Set<string>()

/** Appends the call's shape to <LOCALCLOUD_QUERY_LOG>/<pid>.jsonl (once per distinct shape); off when unset. */
export function recordQuery(api: string, params: Doc): void {
  const dir = process.env.LOCALCLOUD_QUERY_LOG
  if (!dir) return
  let shape: QueryShape | null
  try {
    shape = shapeOf(api, params)
  } catch {
    return // a malformed request is answered with an error by the database itself
  }
  if (!shape) return
  const line = JSON.stringify(shape)
  if (seen.has(line)) return
  seen.add(line)
  mkdirSync(dir, { recursive: true })
  appendFileSync(join(dir, `${process.pid}.jsonl`), line + '\n')
}

/** Every distinct shape recorded in a folder (by any number of processes). */
export function readQueryLog(dir: string): QueryShape[] {
  if (!existsSync(dir)) return []
  const lines = new Set<string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line.trim()) lines.add(line)
  }
  return [...lines].map((l) => JSON.parse(l) as QueryShape)
}
