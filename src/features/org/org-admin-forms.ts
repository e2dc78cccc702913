import type { GroupAdminView, MemberView, OrgTreeView, OrgUnitAdminView } from '@contract/api'
import type { OrgUnitKind } from '@contract/entities'
import type { OrgChangeAction } from './api/org-admin'

export const UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
}

/** One choice of a form: what the person sees, and the id it sends (null: none). */
export interface Option {
  id: string | null
  name: string
}

export interface PickField {
  key: string
  label: string
  options: Option[]
}

/** One open change: its action, what it sends as is, the name it asks for, the choices it offers. */
export interface AdminForm {
  action: OrgChangeAction
  title: string
  payload: Record<string, unknown>
  name?: { label: string; limit: number; value: string }
  picks: PickField[]
  /** Asked before sending: merges and moves cannot be undone by a tap. */
  confirm?: string
}

/** A unit in the tree: its depth under the 党委 (for indenting), and its groups. */
export interface UnitRow {
  unit: OrgUnitAdminView
  depth: number
  groups: GroupAdminView[]
}

/** The units in tree order (parents before their children), each with its depth and groups. */
export function treeRows(tree: OrgTreeView): UnitRow[] {
  const out: UnitRow[] = []
  const ids = new Set(tree.units.map((u) => u.id))
  const walk = (parentId: string | null, depth: number) => {
    for (const unit of tree.units.filter((u) =>
      parentId === null ? u.parentId === null || !ids.has(u.parentId) : u.parentId === parentId,
    )) {
      out.push({ unit, depth, groups: tree.groups.filter((g) => g.branchId === unit.id) })
      walk(unit.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

const named = (units: readonly OrgUnitAdminView[]): Option[] => units.map((u) => ({ id: u.id, name: u.name }))
const branchesOf = (tree: OrgTreeView) => tree.units.filter((u) => u.kind === 'branch')
const people = (members: readonly MemberView[]): Option[] => members.map((m) => ({ id: m.id, name: m.name }))

/** A change that asks only for a name: a new unit or group, or a new name. */
const nameForm = (
  action: OrgChangeAction,
  title: string,
  payload: Record<string, unknown>,
  [label, limit, value]: [string, number, string],
): AdminForm => ({ action, title, payload, name: { label, limit, value }, picks: [] })

/** A change that asks for one choice, with the warning asked before sending when it cannot be undone. */
const pickForm = (
  action: OrgChangeAction,
  title: string,
  payload: Record<string, unknown>,
  [key, label]: [string, string],
  options: Option[],
  confirm?: string,
): AdminForm => ({
  action,
  title,
  payload,
  picks: [{ key, label, options }],
  ...(confirm ? { confirm } : {}),
})

/** What can be done to a unit, as the action sheet lists it. */
export function unitChoices(
  unit: OrgUnitAdminView,
): { label: string; make: 'child' | 'group' | 'rename' | 'move' | 'merge' | 'secretary' | 'person' }[] {
  return [
    ...(unit.kind !== 'branch' ? [{ label: '新建下级组织', make: 'child' as const }] : []),
    ...(unit.kind === 'branch' ? [{ label: '新建党小组', make: 'group' as const }] : []),
    ...(unit.kind === 'branch' ? [{ label: '设置支部书记', make: 'secretary' as const }] : []),
    ...(unit.kind === 'branch' ? [{ label: '调动本支部党员', make: 'person' as const }] : []),
    { label: '更名', make: 'rename' as const },
    ...(unit.kind !== 'committee' ? [{ label: '移至其他上级', make: 'move' as const }] : []),
    ...(unit.kind !== 'committee' ? [{ label: '并入其他组织', make: 'merge' as const }] : []),
  ]
}

export function unitForm(
  make: ReturnType<typeof unitChoices>[number]['make'],
  unit: OrgUnitAdminView,
  tree: OrgTreeView,
  members: readonly MemberView[] = [],
): AdminForm {
  const others = tree.units.filter((u) => u.id !== unit.id)
  switch (make) {
    case 'child':
      return {
        action: 'createUnit',
        title: `在「${unit.name}」下新建组织`,
        payload: { parentId: unit.id },
        name: { label: '组织名称', limit: 30, value: '' },
        picks: [
          {
            key: 'kind',
            label: '组织类型',
            options:
              unit.kind === 'committee'
                ? [
                    { id: 'branch', name: '党支部' },
                    { id: 'general_branch', name: '党总支' },
                  ]
                : [{ id: 'branch', name: '党支部' }],
          },
        ],
      }
    case 'group':
      return nameForm('createGroup', `在「${unit.name}」新建党小组`, { branchId: unit.id }, [
        '党小组名称',
        20,
        '',
      ])
    case 'rename':
      return nameForm('renameUnit', `「${unit.name}」更名`, { unitId: unit.id }, ['新名称', 30, unit.name])
    case 'move':
      return pickForm(
        'moveUnit',
        `把「${unit.name}」移至`,
        { unitId: unit.id },
        ['parentId', '新的上级组织'],
        named(others.filter((u) => u.kind !== 'branch' && u.id !== unit.parentId)),
      )
    case 'merge':
      return pickForm(
        'mergeUnits',
        `把「${unit.name}」并入`,
        { fromId: unit.id },
        ['intoId', '并入'],
        named(others.filter((u) => u.kind === unit.kind)),
        `「${unit.name}」的党员、党小组、项目和打卡都将并入所选组织，「${unit.name}」随即撤销。此操作不能撤回。`,
      )
    case 'secretary':
      return pickForm(
        'setSecretary',
        `设置「${unit.name}」书记`,
        { branchId: unit.id },
        ['personId', '支部书记'],
        people(members),
      )
    case 'person': {
      const secretaries = unit.secretaries.map((s) => s.id)
      return {
        action: 'movePerson',
        title: `调动「${unit.name}」的党员`,
        payload: {},
        picks: [
          { key: 'personId', label: '党员', options: people(members) },
          {
            key: 'branchId',
            label: '调入支部',
            options: named(branchesOf(tree).filter((b) => b.id !== unit.id)),
          },
          {
            key: 'successorId',
            label: '继任书记（调出书记时必选）',
            options: [
              { id: null, name: '无需（所调党员不是书记）' },
              ...people(members.filter((m) => !secretaries.includes(m.id))),
            ],
          },
        ],
      }
    }
  }
}

/** What can be done to a group. */
export function groupChoices(): { label: string; make: 'rename' | 'leader' | 'move' | 'merge' }[] {
  return [
    { label: '设置组长', make: 'leader' },
    { label: '更名', make: 'rename' },
    { label: '调至其他支部', make: 'move' },
    { label: '并入其他党小组', make: 'merge' },
  ]
}

export function groupForm(
  make: ReturnType<typeof groupChoices>[number]['make'],
  group: GroupAdminView,
  tree: OrgTreeView,
  members: readonly MemberView[] = [],
): AdminForm {
  switch (make) {
    case 'rename':
      return nameForm('renameGroup', `党小组「${group.name}」更名`, { groupId: group.id }, [
        '新名称',
        20,
        group.name,
      ])
    case 'leader':
      return pickForm(
        'setGroupLeader',
        `设置「${group.name}」组长`,
        { groupId: group.id },
        ['personId', '组长'],
        [...people(members), { id: null, name: '暂不设组长' }],
      )
    case 'move':
      return pickForm(
        'moveGroup',
        `把党小组「${group.name}」调至`,
        { groupId: group.id },
        ['branchId', '调入支部'],
        named(branchesOf(tree).filter((b) => b.id !== group.branchId)),
        `「${group.name}」的 ${group.memberCount} 名党员将随小组调入所选支部。`,
      )
    case 'merge':
      return pickForm(
        'mergeGroups',
        `把党小组「${group.name}」并入`,
        { fromId: group.id },
        ['intoId', '并入'],
        tree.groups
          .filter((g) => g.branchId === group.branchId && g.id !== group.id)
          .map((g) => ({ id: g.id, name: g.name })),
        `「${group.name}」的党员和动态都将并入所选党小组，「${group.name}」随即撤销。此操作不能撤回。`,
      )
  }
}

/** The payload a filled form sends: its fixed part, the name, and the first option of any untouched pick. */
export function payloadOf(form: AdminForm, chosen: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...form.payload }
  if (form.name) out.name = form.name.value
  for (const pick of form.picks) {
    const option = pick.options[chosen[pick.key] ?? 0]
    if (option && option.id !== null) out[pick.key] = option.id
    else if (pick.key === 'personId') out[pick.key] = null
  }
  return out
}

/** Which branch's members a form offers (to set its secretary, a group's leader, or move one of them). */
export function membersNeeded(
  target: { kind: 'unit'; unit: OrgUnitAdminView } | { kind: 'group'; group: GroupAdminView },
): string | null {
  if (target.kind === 'unit') return target.unit.kind === 'branch' ? target.unit.id : null
  return target.group.branchId
}
