import type { OrgUnit, OrgUnitKind, Person, RoleGrant } from '../types/entities'

/**
 * The Party organisation's shape (党委 → 党总支 → 支部, "各党总支、支部"): which unit may sit under which, and the
 * rules for moving, merging and re-leading them. Pure: the org function reads, asks these, then writes.
 */
export const UNIT_PARENTS: Record<OrgUnitKind, readonly (OrgUnitKind | null)[]> = {
  committee: [null],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
}

export const UNIT_NAME_MAX = 30
export const GROUP_NAME_MAX = 20

type Unit = Pick<OrgUnit, '_id' | 'kind' | 'parentId' | 'name'>

const KIND_WORDS: Record<OrgUnitKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
}

/** Why `kind` cannot sit under `parent` (null: at the top), or null when it can. */
export function placementProblem(kind: OrgUnitKind, parent: Unit | null): string | null {
  const allowed = UNIT_PARENTS[kind]
  if (allowed.includes(parent?.kind ?? null)) return null
  if (parent === null) return `${KIND_WORDS[kind]}必须设在党委或党总支之下`
  if (kind === 'committee') return '党委是最上级组织，不能设在其他组织之下'
  return `${KIND_WORDS[kind]}不能设在${KIND_WORDS[parent.kind]}「${parent.name}」之下`
}

/** The unit and everything under it, by id. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const out = new Set([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units)
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u._id)) {
        out.add(u._id)
        grew = true
      }
  }
  return out
}

/** Why `unit` cannot move under `parent`, or null. */
export function moveProblem(units: readonly Unit[], unit: Unit, parent: Unit | null): string | null {
  if (parent && subtreeIds(units, unit._id).has(parent._id))
    return parent._id === unit._id ? '不能把组织移到它自己之下' : '不能把组织移到它自己的下级组织之下'
  return placementProblem(unit.kind, parent)
}

/** Why `from` cannot be merged into `into`, or null: same kind, not itself, not into its own child. */
export function mergeProblem(units: readonly Unit[], from: Unit, into: Unit): string | null {
  if (from._id === into._id) return '不能把组织合并到它自己'
  if (subtreeIds(units, from._id).has(into._id)) return '不能把组织合并到它自己的下级组织'
  if (from.kind !== into.kind) return `只能合并同级组织：「${from.name}」与「${into.name}」级别不同`
  if (from.kind === 'committee') return '党委不能合并'
  return null
}

/** Why the name cannot be used (blank, too long, or taken by another unit), or null. */
export function unitNameProblem(units: readonly Unit[], name: string, selfId: string | null): string | null {
  if (units.some((u) => u._id !== selfId && u.name === name)) return `已有名为「${name}」的组织`
  return null
}

/** A person's grants after they move from `fromBranch` to `toBranch`: branch roles stay behind, committee stays. */
export function grantsAfterMove(grants: readonly RoleGrant[], toBranch: string | null): RoleGrant[] {
  const kept: RoleGrant[] = grants.filter((g) => g.role === 'committee')
  return toBranch ? [...kept, { role: 'member', branchId: toBranch }] : kept
}

/** A person's grants when their branch `fromBranch` is merged into `intoBranch`: a secretary of it becomes a member. */
export function grantsAfterMerge(
  grants: readonly RoleGrant[],
  fromBranch: string,
  intoBranch: string,
): RoleGrant[] {
  const out: RoleGrant[] = []
  for (const g of grants) {
    const moved: RoleGrant =
      g.role !== 'committee' && g.branchId === fromBranch ? { role: 'member', branchId: intoBranch } : g
    if (!out.some((o) => JSON.stringify(o) === JSON.stringify(moved))) out.push(moved)
  }
  return out
}

/** Grants that make `person` the secretary of `branchId`, staying its member (as the roster writes them). */
export function grantsAsSecretary(grants: readonly RoleGrant[], branchId: string): RoleGrant[] {
  return [
    ...grants.filter((g) => g.role === 'committee' || g.branchId !== branchId),
    { role: 'member', branchId },
    { role: 'secretary', branchId },
  ]
}

/** Grants of a secretary of `branchId` who is replaced: they stay in the branch as a member. */
export function grantsAsMember(grants: readonly RoleGrant[], branchId: string): RoleGrant[] {
  return [
    ...grants.filter((g) => g.role === 'committee' || g.branchId !== branchId),
    { role: 'member', branchId },
  ]
}

/** One stretch of a person's membership: the branch and group they were in until `until`. */
export interface BranchStint {
  branchId: string | null
  groupId: string | null
  until: Date
}

/** Where a person was, kept when they move, so their past stays readable (their check-ins keep their projects). */
export const stintOf = (p: Pick<Person, 'branchId' | 'groupId'>, until: Date): BranchStint => ({
  branchId: p.branchId,
  groupId: p.groupId,
  until,
})
