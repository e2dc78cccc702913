import { beforeAfter, orgActionLabel } from '../../../domain/org-audit'
import type { OrgEvent } from '../../../types/entities'
import { ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { cursorOf, parseCursor, readPage } from '../../_shared/repositories/query'
import type { Handler } from '../../_shared/router'
import { readOrg } from '../admin-store'

export const AUDIT_PAGE = 20

/**
 * 组织管理操作记录 (committee): a page of org changes, newest first (keyset on `at`), with what each was before and
 * became after in names. Reads: the page and the units and groups together, after the caller: 2 round trips.
 */
export const auditLog: Handler<'org', 'auditLog'> = async ({ cursor }) => {
  const [rows, { units, groups }] = await Promise.all([
    readPage<OrgEvent>(COLLECTIONS.orgEvents, {}, 'at', cursor ? parseCursor(cursor) : null, AUDIT_PAGE + 1),
    readOrg(),
  ])
  const names = new Map<string, string>([
    ...units.map((u) => [u._id, u.name] as const),
    ...groups.map((g) => [g._id, g.name] as const),
  ])
  const page = rows.slice(0, AUDIT_PAGE)
  const last = page.at(-1)
  return ok({
    items: page.map((e) => {
      const change = beforeAfter(e, names)
      return {
        id: e._id,
        at: new Date(e.at).toISOString(),
        actorName: e.actorName,
        label: orgActionLabel(e.action),
        summary: e.summary,
        before: change?.before ?? null,
        after: change?.after ?? null,
      }
    }),
    nextCursor: rows.length > AUDIT_PAGE && last ? cursorOf(last.at, last._id) : null,
  })
}
