import type { Result } from '../../types/result'
import { chunk } from './repositories/query'
import { tempUrls } from './temp-urls'

/** At most this many files are linked per answer: four getTempFileURL calls of 50, issued together. */
const MAX_LINKED = 200

/** Every cloud file id an answer carries (photos, evidence, covers, media), once each, in order. */
export function fileIdsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith('cloud://')) out.add(value)
  } else if (Array.isArray(value)) {
    for (const v of value) fileIdsIn(v, out)
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const v of Object.values(value)) fileIdsIn(v, out)
  }
  return out
}

/**
 * Cloud storage is private (deploy/storage.json: each person reads only their own uploads), so a secretary
 * cannot load a member's photo by its `cloud://` id. A function may read every file, and an answer that names
 * a file is already one the caller may see: it travels with a temporary link for each file it names, in
 * `files`, and the app shows those links. One more round trip, only for answers that carry files.
 */
export async function withFileLinks<T>(res: Result<T>, early = new FileLinks()): Promise<Result<T>> {
  if (!res.ok) return res
  const ids = [...fileIdsIn(res.data)].slice(0, MAX_LINKED)
  if (ids.length === 0) return res
  return { ...res, files: await early.linksFor(ids) }
}

/**
 * The links of one call. A handler that knows early which files its answer will name asks for their links then
 * (`ctx.links.prefetch`), so the request travels together with its remaining reads instead of after them; the
 * answer then links only the files not asked for yet.
 */
export class FileLinks {
  private readonly asked = new Map<string, Promise<Record<string, string>>>()

  /** Starts fetching the links of these files (anything that is not a cloud file id is ignored). */
  prefetch(value: unknown): void {
    const ids = [...fileIdsIn(value)].filter((id) => !this.asked.has(id))
    for (const part of chunk(ids, 50)) {
      // A failure here surfaces where the links are awaited, as it would without the prefetch.
      const links = tempUrls(part)
      links.catch(() => undefined)
      for (const id of part) this.asked.set(id, links)
    }
  }

  async linksFor(ids: readonly string[]): Promise<Record<string, string>> {
    this.prefetch(ids.filter((id) => !this.asked.has(id)))
    const parts = await Promise.all([...new Set(ids.map((id) => this.asked.get(id)))])
    const all = Object.assign({}, ...parts) as Record<string, string>
    return Object.fromEntries(ids.flatMap((id) => (all[id] ? [[id, all[id]] as const] : [])))
  }
}
