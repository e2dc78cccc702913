import type { SearchKind, SearchView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 搜索: the first few of each kind, or (with `kind`) one page of that kind. */
export const searchAll = (q: string, kind?: SearchKind, page = 0): Promise<SearchView> =>
  callCloud('org', 'search', kind ? { q, kind, page } : { q })
