import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  SEARCH_MAX_QUERY,
  SEARCH_PAGE_SIZE,
  checkQuery,
  lookupKey,
  searchScopes,
  textMatches,
} from '../../../domain/search'
import type { SearchHit, SearchSection } from '../../../types/api'
import { ok } from '../../../types/result'
import { findKeys } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'

/** How many of each kind the first answer shows (then 查看更多 pages that kind). */
const OVERVIEW_SIZE = 5

/**
 * 搜索 within what the caller may read: one indexed prefix read per kind, all issued together (one round trip
 * after the caller's lookup). Each thing is shown once, however many places it matches; a query longer than the
 * stored keys is checked against the stored title and second line.
 */
export const search: Handler<'org', 'search'> = async ({ q, kind, page }, { caller }) => {
  const check = checkQuery(q)
  if (!check.ok) return ok({ query: '', notice: check.message, sections: [] })
  const scopes = searchScopes(caller)
  const kinds = kind ? [kind] : [...SEARCH_KINDS]
  // A page is a window of index documents: up to twice `size` things, fewer where one matches twice.
  const size = kind ? SEARCH_PAGE_SIZE : OVERVIEW_SIZE
  const key = lookupKey(check.query)
  const pages = await Promise.all(kinds.map((k) => findKeys(k, key, scopes[k], page, size)))
  const sections: SearchSection[] = kinds.map((k, i) => {
    const seen = new Set<string>()
    const hits: SearchHit[] = []
    for (const doc of pages[i].docs) {
      if (seen.has(doc.refId) || !textMatches(`${doc.title} ${doc.sub}`, check.query)) continue
      seen.add(doc.refId)
      hits.push({ kind: k, id: doc.refId, title: doc.title, sub: doc.sub })
    }
    return {
      kind: k,
      label: SEARCH_KIND_LABELS[k],
      hits,
      more: pages[i].more,
      page,
    }
  })
  const found = sections.some((s) => s.hits.length > 0)
  const notice = check.cut
    ? `搜索内容较长，只按前 ${SEARCH_MAX_QUERY} 个字搜索`
    : found
      ? null
      : `没有找到与「${check.query}」相关的项目、党员、微党课或动态`
  return ok({ query: check.query, notice, sections: sections.filter((s) => s.hits.length > 0) })
}
