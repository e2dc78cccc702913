/**
 * 搜索: one box on the home page finds projects (title, slogan, branch), people (name), lectures (title) and group
 * posts (text) within what the caller may read. CloudBase cannot use an index for a regex or a "contains", so each
 * searchable text is stored as its suffixes (`search_keys`, one document per starting character, cut to
 * SEARCH_KEY_LENGTH): a substring query is then a prefix range on an indexed field.
 */
import { SEARCH_KINDS, type Person, type Project, type SearchKind } from '../types/entities'
import type { GroupPost, Lecture } from '../types/entities-community'
import type { Actor } from './roles'
import { isCommittee, secretaryBranches } from './roles'

export { SEARCH_KINDS, type SearchKind }

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  project: '项目',
  person: '党员',
  lecture: '微党课',
  post: '党小组动态',
}

/** Longest query accepted whole; a longer one is cut (and the person told). */
export const SEARCH_MAX_QUERY = 30
/** How much of each suffix is stored and compared in the index; longer queries are checked on the text itself. */
export const SEARCH_KEY_LENGTH = 12
/** How much of each field is indexed: a post is found by its opening words. */
export const SEARCH_FIELD_LENGTH = 60
export const SEARCH_PAGE_SIZE = 10

/** Lower case, full-width letters and digits folded to ASCII, runs of space made one. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

export type QueryCheck =
  { ok: true; query: string; cut: boolean } | { ok: false; reason: 'empty' | 'symbols'; message: string }

/** Whether a typed query can be searched, and what is searched: letters/digits/CJK needed, long ones cut. */
export function checkQuery(typed: string): QueryCheck {
  const folded = foldText(typed)
  if (folded === '') return { ok: false, reason: 'empty', message: '请输入要搜索的内容' }
  if (!/[\p{L}\p{N}]/u.test(folded))
    return { ok: false, reason: 'symbols', message: '请输入文字或数字：只有符号无法搜索' }
  const chars = [...folded]
  const cut = chars.length > SEARCH_MAX_QUERY
  return { ok: true, query: cut ? chars.slice(0, SEARCH_MAX_QUERY).join('').trim() : folded, cut }
}

/**
 * The index keys of one text: every suffix that starts with a letter, digit or CJK character, cut to
 * SEARCH_KEY_LENGTH, each once. A query is found when it is a prefix of one of them.
 */
export function suffixKeys(text: string): string[] {
  const chars = [...foldText(text).slice(0, SEARCH_FIELD_LENGTH * 2)].slice(0, SEARCH_FIELD_LENGTH)
  const keys = new Set<string>()
  for (let i = 0; i < chars.length; i++) {
    if (!/[\p{L}\p{N}]/u.test(chars[i])) continue
    keys.add(chars.slice(i, i + SEARCH_KEY_LENGTH).join(''))
  }
  return [...keys]
}

/** The part of a query looked up in the index (the rest is checked on the text). */
export const lookupKey = (query: string): string => [...query].slice(0, SEARCH_KEY_LENGTH).join('')

/** Whether `text` holds the query, as the index folds both. */
export const textMatches = (text: string, query: string): boolean => foldText(text).includes(query)

/** A text cut into plain and matching parts, for highlighting: `[{ text, hit }]`. */
export function highlight(text: string, query: string): { text: string; hit: boolean }[] {
  if (!query) return [{ text, hit: false }]
  // Fold character by character so the positions stay those of the original text.
  const chars = [...text]
  const folded = chars.map((c) => foldText(c) || ' ')
  const q = [...query]
  const parts: { text: string; hit: boolean }[] = []
  let plain = ''
  for (let i = 0; i < chars.length;) {
    const hit = q.length > 0 && q.every((c, j) => folded[i + j] === c)
    if (hit) {
      if (plain) parts.push({ text: plain, hit: false })
      plain = ''
      parts.push({ text: chars.slice(i, i + q.length).join(''), hit: true })
      i += q.length
    } else {
      plain += chars[i]
      i++
    }
  }
  if (plain) parts.push({ text: plain, hit: false })
  return parts
}

/** Scope keys: an entry is stored once per scope that may read it. */
export const ALL_SCOPE = 'all'
export const branchScope = (branchId: string) => `b:${branchId}`
export const groupScope = (groupId: string) => `g:${groupId}`
export const COMPANY_SCOPE = 'company'
/** A group post, as the secretary of its branch (who reads every group of it) finds it. */
export const postBranchScope = (branchId: string) => `pb:${branchId}`

/** The branches the actor is in (as member or secretary). */
const ownBranches = (actor: Actor): string[] => [
  ...new Set(actor.grants.flatMap((g) => (g.role === 'committee' ? [] : [g.branchId]))),
]

/**
 * The scopes the actor searches, per kind; null is every scope. Projects and people: the committee all, others
 * their own branches (canReadProject, canViewBranch). Lectures: published to the company or their branches.
 * Posts: their own group's, and every group's of a branch they lead (canReadGroup); the committee no more.
 */
export function searchScopes(actor: Actor & Pick<Person, 'groupId'>): Record<SearchKind, string[] | null> {
  const all = isCommittee(actor)
  const branches = ownBranches(actor).map(branchScope)
  return {
    project: all ? null : branches,
    person: all ? null : branches,
    lecture: all ? null : [COMPANY_SCOPE, ...branches],
    post: [
      ...(actor.groupId ? [groupScope(actor.groupId)] : []),
      ...secretaryBranches(actor).map(postBranchScope),
    ],
  }
}

export const projectSearchable = (
  p: Pick<Project, '_id' | 'title' | 'slogan' | 'branchId' | 'branchName' | 'updatedAt'>,
): Searchable => ({
  kind: 'project',
  refId: p._id,
  scopes: [branchScope(p.branchId)],
  title: p.title || '（未命名项目）',
  sub: [p.branchName, p.slogan].filter(Boolean).join(' · '),
  texts: [p.title, p.slogan, p.branchName],
  at: new Date(p.updatedAt),
})

export const personSearchable = (
  p: Pick<Person, '_id' | 'name' | 'title' | 'branchId'>,
  branchName: string,
): Searchable => ({
  kind: 'person',
  refId: p._id,
  scopes: p.branchId ? [branchScope(p.branchId)] : [],
  title: p.name,
  sub: [branchName, p.title].filter(Boolean).join(' · '),
  texts: [p.name],
  at: new Date(0),
})

/** A published lecture, found by those it is published to; a draft or withdrawn one is not indexed. */
export const lectureSearchable = (
  l: Pick<Lecture, '_id' | 'title' | 'speaker' | 'publisherName' | 'audience' | 'updatedAt'>,
): Searchable => ({
  kind: 'lecture',
  refId: l._id,
  scopes: l.audience.scope === 'company' ? [COMPANY_SCOPE] : l.audience.branchIds.map((b) => branchScope(b)),
  title: l.title,
  sub: [l.publisherName, l.speaker].filter(Boolean).join(' · '),
  texts: [l.title],
  at: new Date(l.updatedAt),
})

export const postSearchable = (
  p: Pick<GroupPost, '_id' | 'text' | 'groupId' | 'branchId' | 'authorName' | 'createdAt'>,
  groupName: string,
): Searchable => ({
  kind: 'post',
  refId: p._id,
  scopes: [groupScope(p.groupId), postBranchScope(p.branchId)],
  title: p.text,
  sub: [groupName, p.authorName].filter(Boolean).join(' · '),
  texts: [p.text],
  at: new Date(p.createdAt),
})

/** One thing to find, as the function that owns it describes it. */
export interface Searchable {
  kind: SearchKind
  refId: string
  /** Who may find it: ALL_SCOPE-free scope keys (branchScope, groupScope, COMPANY_SCOPE). */
  scopes: string[]
  title: string
  /** The second line shown under the title (a slogan, a branch, a post's group). */
  sub: string
  /** The texts it is found by. */
  texts: string[]
  at: Date
}

/** A `search_keys` document: one suffix of one searchable text, for one scope. */
export interface SearchKeyDoc {
  _id: string
  kind: SearchKind
  refId: string
  scope: string
  key: string
  title: string
  sub: string
  at: Date
}

/** Every index document of one searchable thing. */
export function searchKeyDocs(item: Searchable): SearchKeyDoc[] {
  const keys = [...new Set(item.texts.flatMap(suffixKeys))]
  const title = [...item.title].slice(0, SEARCH_FIELD_LENGTH).join('')
  const sub = [...item.sub].slice(0, SEARCH_FIELD_LENGTH).join('')
  return item.scopes.flatMap((scope) =>
    keys.map((key, i) => ({
      _id: `sk-${item.refId}-${scope}-${i}`,
      kind: item.kind,
      refId: item.refId,
      scope,
      key,
      title,
      sub,
      at: item.at,
    })),
  )
}
