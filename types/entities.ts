/** Role code names; labelled in Chinese once, in domain/labels.ts. */
export type Role = 'member' | 'secretary' | 'committee'

export const ROLES: readonly Role[] = ['member', 'secretary', 'committee']

/** Exactly the five project categories of the seed article. */
export const PROJECT_CATEGORIES = ['basic', 'service', 'innovation', 'theme', 'flagship'] as const
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]

/** Lifecycle states of a project (选题 → 答题 → 结题). */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export type OrgUnitKind = 'committee' | 'general_branch' | 'branch'

/** 党委 / 党总支 / 党支部. Branches point at their parent unit. */
export interface OrgUnit {
  _id: string
  kind: OrgUnitKind
  name: string
  parentId: string | null
  order: number
}

/** 党小组 inside a branch. */
export interface PartyGroup {
  _id: string
  branchId: string
  name: string
  leaderId: string | null
}

/** A role held by a person: member and secretary are scoped to a branch, committee to the whole company. */
export type RoleGrant =
  { role: 'member'; branchId: string } | { role: 'secretary'; branchId: string } | { role: 'committee' }

/** A person as stored. `openid` and `phone` never leave the server except to those allowed. */
export interface Person {
  _id: string
  openid: string
  name: string
  phone: string
  branchId: string | null
  groupId: string | null
  title: string
  grants: RoleGrant[]
}

/** A party-building project (立项表 fields). */
export interface Project {
  _id: string
  title: string
  category: ProjectCategory
  slogan: string
  problem: string
  branchId: string
  year: number
  status: ProjectStatus
  ownerId: string
  progress: number
  createdAt: Date
  updatedAt: Date
}
