import type { OrgEvent } from '../types/entities'

/**
 * 组织管理操作记录: every change of the organisation as the committee reads it back — who, what, when, and what it
 * was before and became after, in names (ids resolved against the units and groups as they are now; a unit that
 * is gone, merged away, shows what the record kept of it). A secretary or group leader is named as the record kept
 * them when the change was made (beforeNames / beforeName, afterName).
 */
export const ORG_ACTION_LABELS: Record<string, string> = {
  createUnit: '新建组织',
  renameUnit: '组织更名',
  moveUnit: '调整隶属',
  mergeUnits: '合并组织',
  createGroup: '新建党小组',
  renameGroup: '党小组更名',
  moveGroup: '党小组调整',
  mergeGroups: '合并党小组',
  setSecretary: '任命书记',
  setGroupLeader: '设置组长',
  movePerson: '调动党员',
  importRoster: '导入名册',
}

export const orgActionLabel = (action: string): string => ORG_ACTION_LABELS[action] ?? action

export interface BeforeAfter {
  before: string
  after: string
}

const NONE = '（无）'
/** A leader the record names by id only, who is no longer in the roster. */
const GONE = '（已不在名册）'
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** What a change was before and became after, in names; null when its summary already says all there is. */
export function beforeAfter(
  e: Pick<OrgEvent, 'action' | 'detail'>,
  names: ReadonlyMap<string, string>,
): BeforeAfter | null {
  const d = e.detail
  const name = (id: unknown): string => {
    const key = text(id)
    return key === null ? NONE : (names.get(key) ?? key)
  }
  switch (e.action) {
    case 'renameUnit':
    case 'renameGroup':
      return text(d.from) && text(d.to) ? { before: String(d.from), after: String(d.to) } : null
    case 'moveUnit':
      return { before: `隶属 ${name(d.from)}`, after: `隶属 ${name(d.to)}` }
    case 'createUnit':
    case 'createGroup':
      return { before: NONE, after: text(d.name) ?? NONE }
    case 'mergeUnits': {
      const from = (d.from ?? {}) as { name?: unknown }
      const into = (d.into ?? {}) as { name?: unknown }
      if (!text(from.name) || !text(into.name)) return null
      const people = typeof d.people === 'number' ? `（${d.people} 名党员转入）` : ''
      return { before: `${String(from.name)}、${String(into.name)}`, after: `${String(into.name)}${people}` }
    }
    case 'movePerson': {
      const from = (d.from ?? {}) as { branchId?: unknown; groupId?: unknown }
      const to = (d.to ?? {}) as { branchId?: unknown; groupId?: unknown }
      const where = (w: { branchId?: unknown; groupId?: unknown }) =>
        text(w.groupId) ? `${name(w.branchId)} · ${name(w.groupId)}` : name(w.branchId)
      return { before: where(from), after: where(to) }
    }
    case 'setSecretary': {
      // Names are kept since the record was first written with them; an older record shows its summary only.
      if (!text(d.afterName)) return null
      const before = Array.isArray(d.beforeNames) ? d.beforeNames.filter((n) => text(n) !== null) : []
      return { before: before.length ? before.join('、') : NONE, after: String(d.afterName) }
    }
    case 'setGroupLeader':
      if (!('afterName' in d)) return null
      return {
        before: text(d.beforeName) ?? (text(d.before) ? GONE : NONE),
        after: text(d.afterName) ?? NONE,
      }
    default:
      return null
  }
}

export type ReindexKind = 'project' | 'person'
export const REINDEX_KIND_LABELS: Record<ReindexKind, string> = { project: '项目', person: '人员' }

/** How far a 重建搜索索引 run has got, in words: 项目：已处理 400 / 1,234 条（32%）. */
export function reindexProgressText(
  kind: ReindexKind,
  done: number,
  total: number,
  finished: boolean,
): string {
  const label = REINDEX_KIND_LABELS[kind]
  const n = (x: number) => x.toLocaleString('en-US')
  if (finished) return `${label}：已完成，共处理 ${n(done)} 条`
  const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0
  return `${label}：已处理 ${n(done)} / ${n(Math.max(total, done))} 条（${percent}%）`
}
