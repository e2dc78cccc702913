import type { DB } from 'wx-server-sdk'
import {
  SEARCH_PAGE_SIZE,
  searchKeyDocs,
  type SearchKeyDoc,
  type SearchKind,
  type Searchable,
} from '../../../domain/search'
import { COLLECTIONS, db, _ } from '../cloud'
import { logEvent } from '../log'
import { chunk } from './query'

const keys = () => db.collection(COLLECTIONS.searchKeys)

/**
 * Makes these things findable as they are now (title, texts, scopes): their old index documents go, the new
 * ones are written in batches. Two round trips whatever the count (one for `fresh` things). The index serves search only: a failure
 * is logged, never fails the write it follows.
 */
export async function indexForSearch(
  items: readonly Searchable[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  if (items.length === 0) return
  try {
    // Something new has no old documents: one round trip (a retried write's duplicate ids are refused).
    if (!fresh) await dropFromSearch(items.map((i) => i.refId))
    const docs = items.flatMap(searchKeyDocs)
    await Promise.all(chunk(docs, 500).map((part) => keys().add({ data: part })))
  } catch (err) {
    logEvent('error', 'search_index_failed', {
      error: err instanceof Error ? err.message.slice(0, 200) : null,
    })
  }
}

/** Takes these things out of search (withdrawn, deleted): one round trip. */
export async function dropFromSearch(refIds: readonly string[]): Promise<void> {
  await Promise.all(
    chunk([...refIds], 500).map((part) =>
      keys()
        .where({ refId: _.in(part) })
        .remove(),
    ),
  )
}

export interface KeyPage {
  docs: SearchKeyDoc[]
  more: boolean
}

/**
 * One page of one kind's index documents whose key starts with `key`, within `scopes` (null: every scope),
 * in key order. A prefix is a range on the indexed key: `key ≤ k < key + U+FFFF`.
 */
export async function findKeys(
  kind: SearchKind,
  key: string,
  scopes: string[] | null,
  page: number,
  size = SEARCH_PAGE_SIZE,
): Promise<KeyPage> {
  if (scopes !== null && scopes.length === 0) return { docs: [], more: false }
  const range = _.gte(key).and(_.lt(`${key}\uffff`))
  const where = scopes === null ? { kind, key: range } : { kind, scope: _.in(scopes), key: range }
  // Pages are windows of index documents, two per thing asked for: one thing can match at two places (or in
  // two scopes) and is shown once; the app drops one seen on an earlier page.
  const window = size * 2
  const res = (await keys()
    .where(where)
    .orderBy('key', 'asc')
    .orderBy('_id', 'asc')
    .skip(page * window)
    .limit(window + 1)
    .get()) as DB.IQueryResult
  const docs = res.data as SearchKeyDoc[]
  return { docs: docs.slice(0, window), more: docs.length > window }
}
