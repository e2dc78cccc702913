import { Query } from 'mingo'
import { decodeDoc, type Doc } from './codec'
import { sortRows } from './sort'
import { compileFilter, compileSort, type SortSpec, type SqlFilter } from './sql'
import type { Row, Select, Store } from './store'

export interface FindSpec {
  filter: Doc
  sort?: SortSpec
  skip?: number
  limit?: number
}

/** A matched document: its stored text, and the decoded form once somebody needed it. */
export interface Hit extends Row {
  doc?: Doc
}

/** As in MongoDB, a limit of 0 (or less) means no limit. */
function limitOf(spec: FindSpec): number | undefined {
  return spec.limit !== undefined && spec.limit > 0 ? spec.limit : undefined
}

export function docOf(hit: Hit): Doc {
  if (!hit.doc) hit.doc = decodeDoc(hit.text)
  return hit.doc
}

/**
 * Runs MongoDB filters over the store. SQLite narrows the candidates with whatever compileFilter could push;
 * mingo re-checks unless the SQL is exact; sort, skip and limit go to SQL only when filter and sort are
 * both fully pushed, otherwise they happen here.
 */
export class Engine {
  constructor(
    private readonly store: Store,
    private readonly indexes: Readonly<Record<string, string[][]>>,
    private readonly pushdown: boolean,
  ) {}

  private readonly indexedCache = new Map<string, Set<string>>()

  private indexed(collection: string): Set<string> {
    let set = this.indexedCache.get(collection)
    if (!set) {
      set = new Set((this.indexes[collection] ?? []).flat())
      this.indexedCache.set(collection, set)
    }
    return set
  }

  fieldsOf(collection: string): string[] {
    return [...this.indexed(collection)]
  }

  private compile(collection: string, filter: Doc): SqlFilter {
    if (Object.keys(filter).length === 0) return { where: '', params: [], exact: true }
    if (!this.pushdown) return { where: '', params: [], exact: false }
    return compileFilter(filter, this.indexed(collection))
  }

  private order(collection: string, sort: SortSpec | undefined, sql: SqlFilter): string | undefined {
    if (!sort || sort.length === 0) return 'rowid'
    return this.pushdown
      ? compileSort(sort, this.indexed(collection), sql.exact ? sql.pinned : [])
      : undefined
  }

  /** The SELECT find() would issue first (the whole query when pushed, else the candidate scan). */
  plan(collection: string, spec: FindSpec): Select {
    const sql = this.compile(collection, spec.filter)
    const order = this.order(collection, spec.sort, sql)
    if (sql.exact && order !== undefined) {
      return { where: sql.where, params: sql.params, order, limit: limitOf(spec), offset: spec.skip }
    }
    return { where: sql.where, params: sql.params, order: 'rowid' }
  }

  find(collection: string, spec: FindSpec): Hit[] {
    const sql = this.compile(collection, spec.filter)
    const order = this.order(collection, spec.sort, sql)
    const skip = spec.skip ?? 0
    const limit = limitOf(spec) ?? Infinity
    if (sql.exact && order !== undefined) return this.store.select(collection, this.plan(collection, spec))

    const matcher = sql.exact ? undefined : new Query(spec.filter, {})
    const candidates = this.store.iterate(collection, {
      where: sql.where,
      params: sql.params,
      order: 'rowid',
    })
    const matches = (hit: Hit): boolean => !matcher || matcher.test(docOf(hit))

    if (!spec.sort || spec.sort.length === 0) {
      const out: Hit[] = []
      let skipped = 0
      for (const hit of candidates as IterableIterator<Hit>) {
        if (!matches(hit)) continue
        if (skipped < skip) skipped++
        else out.push(hit)
        if (out.length >= limit) break // for-of closes the statement's iterator
      }
      return out
    }
    const all: Hit[] = []
    for (const hit of candidates as IterableIterator<Hit>) if (matches(hit)) all.push(hit)
    const sorted = sortRows(
      all.map((hit) => ({ rowid: hit.rowid, doc: docOf(hit), hit })),
      spec.sort,
    )
    return sorted.slice(skip, limit === Infinity ? undefined : skip + limit).map((s) => s.hit)
  }

  count(collection: string, filter: Doc): number {
    const sql = this.compile(collection, filter)
    if (sql.exact) return this.store.count(collection, sql.where, sql.params)
    const matcher = new Query(filter, {})
    let n = 0
    for (const row of this.store.iterate(collection, {
      where: sql.where,
      params: sql.params,
      order: 'rowid',
    })) {
      if (matcher.test(decodeDoc(row.text))) n++
    }
    return n
  }

  explain(collection: string, spec: FindSpec): string {
    return this.store.explain(collection, this.plan(collection, spec))
  }
}
