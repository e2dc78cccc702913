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
export async function withFileLinks<T>(res: Result<T>): Promise<Result<T>> {
  if (!res.ok) return res
  const ids = [...fileIdsIn(res.data)].slice(0, MAX_LINKED)
  if (ids.length === 0) return res
  const links = await Promise.all(chunk(ids, 50).map((part) => tempUrls(part)))
  return { ...res, files: Object.assign({}, ...links) as Record<string, string> }
}
