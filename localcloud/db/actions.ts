import { randomBytes } from 'node:crypto'
import { Query, update as mingoUpdate } from 'mingo'
import { setValue } from 'mingo/util'
import { decodeRequestObject, encodeDoc, isPlainObject, type Doc } from './codec'
import { docOf, type Engine, type FindSpec } from './engine'
import { DbError, ErrorCode } from './errors'
import { checkScalarContract } from './contract'
import type { SortSpec } from './sql'
import type { Store } from './store'

/**
 * The tcb database actions, with the params @cloudbase/database 1.4.3 sends and the `data` it reads back
 * (see query.js, document.js, collection.js, aggregate.js in its dist/commonjs).
 */

export interface Ctx {
  store: Store
  engine: Engine
  /** One clock reading per request, for serverDate. */
  now: number
  /** Told of every document a write changed (optimistic transactions detect conflicts with it). */
  touched?: (collection: string, id: string) => void
}

export type Params = Record<string, unknown>

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

export function newId(): string {
  return randomBytes(16).toString('hex')
}

export function filterOfParams(p: Params, now: number): Doc {
  return filterOf(p, now)
}

export function collectionOf(p: Params): string {
  if (typeof p.collectionName !== 'string')
    throw new DbError(ErrorCode.INVALID_PARAM, 'collectionName is required')
  return p.collectionName
}

/** The SDK omits `query` (or sends '') when there is no where(). */
function filterOf(p: Params, now: number): Doc {
  return p.query === undefined || p.query === '' ? {} : decodeRequestObject(p.query, 'query', now)
}

export function toSortSpec(order: Doc): SortSpec {
  return Object.entries(order).map(([field, dir]) => [field, dir === -1 || dir === 'desc' ? -1 : 1])
}

/** The SDK already sends min(limit, 1000) and 100 when no limit is set; direct callers get the same rule. */
function limitOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(value), MAX_LIMIT)
}

function offsetOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

export function project(docs: Doc[], projection: Doc): Doc[] {
  return new Query({}, {}).find<Doc>(docs, projection).all()
}

export function getDocument(ctx: Ctx, p: Params): unknown {
  const collection = collectionOf(p)
  const sort = p.order ? toSortSpec(decodeRequestObject(p.order, 'order', ctx.now)) : []
  const limit = limitOf(p.limit)
  const offset = offsetOf(p.offset)
  const hits = ctx.engine.find(collection, { filter: filterOf(p, ctx.now), sort, skip: offset, limit })
  const projection = p.projection ? decodeRequestObject(p.projection, 'projection', ctx.now) : {}
  const list =
    Object.keys(projection).length > 0
      ? project(hits.map(docOf), projection).map(encodeDoc)
      : hits.map((h) => h.text) // stored text is already relaxed EJSON
  return { data: { list, limit, offset } }
}

export function calculateDocument(ctx: Ctx, p: Params): unknown {
  return { data: { total: ctx.engine.count(collectionOf(p), filterOf(p, ctx.now)) } }
}

function prepareInsert(ctx: Ctx, collection: string, doc: Doc): { id: string; text: string } {
  const id = doc._id === undefined ? newId() : doc._id
  if (typeof id !== 'string' || id === '') {
    throw new DbError(ErrorCode.INVALID_PARAM, 'localcloud: _id must be a non-empty string')
  }
  const full = { ...doc, _id: id }
  checkScalarContract(collection, full, ctx.engine.fieldsOf(collection))
  return { id, text: encodeDoc({ _id: id, ...doc }) }
}

export function insertDocs(ctx: Ctx, collection: string, docs: Doc[]): string[] {
  const rows = docs.map((doc) => prepareInsert(ctx, collection, doc))
  ctx.store.atomic(() => rows.forEach((r) => ctx.store.insert(collection, r.id, r.text)))
  rows.forEach((r) => ctx.touched?.(collection, r.id))
  return rows.map((r) => r.id)
}

export function insertDocument(ctx: Ctx, p: Params): unknown {
  const collection = collectionOf(p)
  if (!Array.isArray(p.data)) throw new DbError(ErrorCode.INVALID_PARAM, 'data must be an array')
  const docs = p.data.map((text) => decodeRequestObject(text, 'document', ctx.now))
  return { data: { insertedIds: insertDocs(ctx, collection, docs) } }
}

function hasOperators(data: Doc): boolean {
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$')).length
  if (ops > 0 && ops < keys.length) {
    throw new DbError(ErrorCode.INVALID_PARAM, 'update mixes operators and plain fields')
  }
  return ops > 0
}

const PLAIN_FIELD = /^[A-Za-z0-9_-]+$/

/**
 * `$set` and `$inc` of top-level fields, the shape nearly every update has, applied directly: mingo sets up a
 * fresh operator context on every call, which costs more than the update. Anything else (dotted paths, other
 * operators, a field named twice, $inc of a non-number) returns false and goes to mingo, which decides it.
 * Changes are detected afterwards, by comparing the encoded document.
 */
function simpleUpdate(doc: Doc, update: Doc): boolean {
  const ops = Object.entries(update)
  const seen = new Set<string>()
  for (const [op, fields] of ops) {
    if ((op !== '$set' && op !== '$inc') || !isPlainObject(fields)) return false
    for (const [field, value] of Object.entries(fields)) {
      if (!PLAIN_FIELD.test(field) || field === '_id' || seen.has(field)) return false
      seen.add(field)
      if (op === '$inc') {
        const current = doc[field]
        if (typeof value !== 'number' || (current !== undefined && typeof current !== 'number')) return false
      }
    }
  }
  for (const [op, fields] of ops) {
    for (const [field, value] of Object.entries(fields as Doc)) {
      doc[field] = op === '$inc' ? ((doc[field] as number | undefined) ?? 0) + (value as number) : value
    }
  }
  return true
}

/** Applies MongoDB update operators in place; false when nothing changed (WeChat then reports updated: 0). */
export function applyUpdate(doc: Doc, data: Doc): boolean {
  const id = doc._id
  const update = hasOperators(data) ? data : { $set: data }
  if (simpleUpdate(doc, update)) return true
  const changed = mingoUpdate(doc, update)
  if (doc._id !== id)
    throw new DbError(ErrorCode.REQUEST_FAILED, "the immutable field '_id' cannot be updated")
  return changed.length > 0
}

export function replacement(data: Doc, id: unknown): Doc {
  if (hasOperators(data)) throw new DbError(ErrorCode.INVALID_PARAM, 'set() takes a document, not operators')
  const rest = { ...data }
  delete rest._id
  return { _id: id, ...rest }
}

/** The document an upsert starts from: the filter's top-level equalities, as MongoDB does. */
function upsertBase(filter: Doc): Doc {
  const base: Doc = {}
  for (const [key, cond] of Object.entries(filter)) {
    if (key.startsWith('$')) continue
    if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
      if ('$eq' in cond) setValue(base, key, cond.$eq)
    } else setValue(base, key, cond)
  }
  return base
}

interface Modification {
  filter: Doc
  data: Doc
  merge: boolean
  multi: boolean
  upsert: boolean
}

function modify(
  ctx: Ctx,
  collection: string,
  m: Modification,
): { updated: number; matched: number; upsertId?: string; last?: Doc } {
  const fields = ctx.engine.fieldsOf(collection)
  return ctx.store.atomic(() => {
    const spec: FindSpec = { filter: m.filter, limit: m.multi ? undefined : 1 }
    const hits = ctx.engine.find(collection, spec)
    let updated = 0
    let last: Doc | undefined
    for (const hit of hits) {
      let doc = docOf(hit)
      if (m.merge) {
        if (!applyUpdate(doc, m.data)) continue
      } else doc = replacement(m.data, hit.id)
      const text = encodeDoc(doc)
      if (text === hit.text) continue
      checkScalarContract(collection, doc, fields)
      ctx.store.replace(collection, hit.id, text)
      ctx.touched?.(collection, hit.id)
      updated++
      last = doc
    }
    if (hits.length > 0 || !m.upsert) return { updated, matched: hits.length, last: last ?? hits[0]?.doc }
    let doc = upsertBase(m.filter)
    if (m.merge) applyUpdate(doc, m.data)
    else doc = replacement(m.data, doc._id)
    const [id] = insertDocs(ctx, collection, [doc])
    return { updated: 0, matched: 0, upsertId: id, last: { ...doc, _id: id } }
  })
}

function modificationOf(ctx: Ctx, p: Params): Modification {
  return {
    filter: filterOf(p, ctx.now),
    data: decodeRequestObject(p.data, 'data', ctx.now),
    merge: p.merge !== false,
    multi: p.multi === true,
    upsert: p.upsert === true,
  }
}

export function modifyDocument(ctx: Ctx, p: Params): unknown {
  const r = modify(ctx, collectionOf(p), modificationOf(ctx, p))
  return { data: { updated: r.updated, matched: r.matched, upsert_id: r.upsertId } }
}

export function modifyAndReturnDoc(ctx: Ctx, p: Params): unknown {
  const r = modify(ctx, collectionOf(p), { ...modificationOf(ctx, p), multi: false, merge: true })
  return { data: { updated: r.updated, doc: r.last ? encodeDoc(r.last) : null } }
}

export function removeDocument(ctx: Ctx, p: Params): unknown {
  const collection = collectionOf(p)
  const filter = filterOf(p, ctx.now)
  const deleted = ctx.store.atomic(() => {
    const hits = ctx.engine.find(collection, { filter, limit: p.multi === true ? undefined : 1 })
    hits.forEach((hit) => ctx.touched?.(collection, hit.id))
    return hits.reduce((n, hit) => n + ctx.store.remove(collection, hit.id), 0)
  })
  return { data: { deleted } }
}

export function addCollection(ctx: Ctx, p: Params): unknown {
  ctx.store.table(collectionOf(p))
  return {}
}
