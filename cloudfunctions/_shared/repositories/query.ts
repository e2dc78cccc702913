import type { DB } from 'wx-server-sdk'
import { db, _ } from '../cloud'

/** WeChat returns at most 1000 documents per server-side get. */
export const MAX_PAGE = 1000

/** Reads every document a query matches, 1000 at a time (a single get stops at 100 by default). */
export async function fetchAll<T>(query: DB.Query, cap = 20_000): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < cap; skip += MAX_PAGE) {
    const res = (await query.skip(skip).limit(MAX_PAGE).get()) as DB.IQueryResult
    out.push(...(res.data as T[]))
    if (res.data.length < MAX_PAGE) break
  }
  return out
}

/** One document by `_id`, or null when there is none (throwOnNotFound is off: a missing id is a value). */
export async function getById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as DB.IQuerySingleResult
  return (res.data as T | null) ?? null
}

/**
 * One page by offset (`page` from 1), newest first by `order` (each field descending, later ones breaking ties),
 * with how many documents match in all: the count and the page are read together (one round trip). For lists
 * whose pages are numbered; deep keyset paging is `readPage`.
 */
export async function readCountedPage<T>(
  query: DB.Query,
  order: readonly string[],
  page: number,
  pageSize: number,
): Promise<{ items: T[]; total: number }> {
  const sorted = order.reduce((q, field) => q.orderBy(field, 'desc'), query)
  const [counted, found] = await Promise.all([
    query.count() as Promise<DB.ICountResult>,
    sorted
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get() as Promise<DB.IQueryResult>,
  ])
  return { items: found.data as T[], total: counted.total }
}

/** Splits ids into `_.in` chunks small enough for one page. */
export function chunk<T>(items: readonly T[], size = MAX_PAGE): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** One id as equality (a point lookup on the index), more as `_.in`. */
export const oneOrIn = (ids: readonly string[]) => (ids.length === 1 ? ids[0] : _.in([...ids]))

/**
 * Documents by `_id`, each id asked once: one `_.in` read per 1000 ids, the reads issued together, so any
 * number of ids costs one round trip (none for no ids). `field` keeps only those fields (`_id` always comes).
 */
export async function getByIds<T extends { _id: string }>(
  collection: string,
  ids: readonly string[],
  field?: Record<string, boolean>,
): Promise<T[]> {
  const pages = await Promise.all(
    chunk([...new Set(ids)]).map((part) => {
      const query = db.collection(collection).where({ _id: oneOrIn(part) })
      return (field ? query.field(field) : query).limit(part.length).get() as Promise<DB.IQueryResult>
    }),
  )
  return pages.flatMap((page) => page.data as T[])
}

/** Documents by id gone, 1,000 ids a request, the requests issued together. */
export async function removeByIds(collection: string, ids: readonly string[]): Promise<void> {
  await Promise.all(
    chunk(ids).map((part) =>
      db
        .collection(collection)
        .where({ _id: _.in(part) })
        .remove(),
    ),
  )
}

/** `getByIds` as a map by `_id`. */
export async function getMapByIds<T extends { _id: string }>(
  collection: string,
  ids: readonly string[],
  field?: Record<string, boolean>,
): Promise<Map<string, T>> {
  return new Map((await getByIds<T>(collection, ids, field)).map((doc) => [doc._id, doc]))
}

/** Where a page of a list ended: the last item shown. */
export interface PageMark {
  at: Date
  id: string
}

/** A page mark as the app passes it back (opaque to it): the instant in ms, a dot, the id. */
export const cursorOf = (at: Date, id: string): string => `${new Date(at).getTime()}.${id}`

/** The schema (pageCursor) has checked the shape: digits, a dot, an id. */
export function parseCursor(cursor: string): PageMark {
  const dot = cursor.indexOf('.')
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) }
}

/**
 * One page of `where` in `field` order, ties broken by `_id`, after `mark`: keyset paging on an index that ends
 * in `field`, so a page deep in a long list costs what the first one does (no skip).
 */
export async function readPage<T>(
  collection: string,
  where: Record<string, unknown>,
  field: string,
  mark: PageMark | null,
  limit: number,
  order: 'asc' | 'desc' = 'desc',
): Promise<T[]> {
  const desc = order === 'desc'
  const after = mark
    ? _.and([
        { ...where, [field]: desc ? _.lte(mark.at) : _.gte(mark.at) },
        _.or([
          { [field]: desc ? _.lt(mark.at) : _.gt(mark.at) },
          { _id: desc ? _.lt(mark.id) : _.gt(mark.id) },
        ]),
      ])
    : where
  const res = (await db
    .collection(collection)
    .where(after)
    .orderBy(field, order)
    .orderBy('_id', order)
    .limit(limit)
    .get()) as DB.IQueryResult
  return res.data as T[]
}
