import type { DB } from 'wx-server-sdk'

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

/** Splits ids into `_.in` chunks small enough for one page. */
export function chunk<T>(items: readonly T[], size = MAX_PAGE): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
